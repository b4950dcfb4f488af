package io.marketmetrics.producers.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketmetrics.producers.Pacer;
import io.marketmetrics.producers.SharedData;
import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Real Binance XRP/ETH aggregated trades saved by freqtrade (../shared/data, see its SOURCES.md), in
 * both of freqtrade's shapes; the expected figures are those SOURCES.md states for the files.
 */
class RealTradeFilesTest {

    private static final Path DIR = SharedData.dir().resolve("freqtrade/binance_xrp_eth_trades");

    @Test
    void ccxtTradesOfXrpEth() throws Exception {
        List<Trade> trades = replay(SharedData.require(DIR.resolve("XRP_OLD-trades.json.gz")), null);
        assertMatchesSources(trades);
    }

    @Test
    void compactRowsOfXrpEthAreTheSameTrades() throws Exception {
        List<Trade> compact = replay(SharedData.require(DIR.resolve("XRP_ETH-trades.json.gz")), "XRP/ETH");
        assertMatchesSources(compact);
        List<Trade> ccxt = replay(SharedData.require(DIR.resolve("XRP_OLD-trades.json.gz")), null);
        assertThat(compact).isEqualTo(ccxt);
    }

    private static void assertMatchesSources(List<Trade> trades) {
        assertThat(trades).hasSize(12_477);
        assertThat(trades).allSatisfy(t -> {
            assertThat(t.getExchange()).isEqualTo("binance");
            assertThat(t.getBase()).isEqualTo("XRP");
            assertThat(t.getQuote()).isEqualTo("ETH");
        });
        assertThat(trades.get(0).getEventTime()).isEqualTo(Instant.parse("2019-10-11T00:00:11.620Z"));
        assertThat(trades.get(trades.size() - 1).getEventTime()).isEqualTo(Instant.parse("2019-10-13T11:19:28.844Z"));
        // aggTrade ids 13519807..13532283, contiguous and in order.
        for (int i = 0; i < trades.size(); i++) {
            assertThat(trades.get(i).getTradeId()).isEqualTo(Long.toString(13_519_807L + i));
        }
        assertThat(trades).filteredOn(t -> t.getSide() == TakerSide.BUY).hasSize(6_524);
        assertThat(trades).filteredOn(t -> t.getSide() == TakerSide.SELL).hasSize(5_953);
        assertThat(trades).extracting(Trade::getPrice).allSatisfy(p -> assertThat(p).isBetween(0.00139676, 0.00154262));
        Map<LocalDate, Long> countPerDay = new TreeMap<>();
        Map<LocalDate, Double> xrpPerDay = new TreeMap<>();
        for (Trade t : trades) {
            LocalDate day = LocalDate.ofInstant(t.getEventTime(), ZoneOffset.UTC);
            countPerDay.merge(day, 1L, Long::sum);
            xrpPerDay.merge(day, t.getQuantity(), Double::sum);
        }
        assertThat(countPerDay).containsExactly(
                Map.entry(LocalDate.parse("2019-10-11"), 5_929L),
                Map.entry(LocalDate.parse("2019-10-12"), 4_134L),
                Map.entry(LocalDate.parse("2019-10-13"), 2_414L));
        // SOURCES.md rounds the daily XRP volumes to whole units.
        assertThat(Math.round(xrpPerDay.get(LocalDate.parse("2019-10-11")))).isEqualTo(2_753_204L);
        assertThat(Math.round(xrpPerDay.get(LocalDate.parse("2019-10-12")))).isEqualTo(1_608_676L);
        assertThat(Math.round(xrpPerDay.get(LocalDate.parse("2019-10-13")))).isEqualTo(1_183_855L);
    }

    private static List<Trade> replay(Path file, String symbol) throws Exception {
        List<Trade> trades = new ArrayList<>();
        try (ReplaySource source = new ReplaySource(new ReplayOptions(file, null, "binance", symbol, Pacer.MAX, true))) {
            source.run(trades::add);
        }
        return trades;
    }
}
