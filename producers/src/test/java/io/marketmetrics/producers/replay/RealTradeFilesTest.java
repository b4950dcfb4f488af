package io.marketmetrics.producers.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

    @Test
    void krakenBchEurOverTwoDays() throws Exception {
        Path dir = SharedData.dir().resolve("freqtrade/kraken_bcheur_trades");
        List<Trade> day1 = replay(SharedData.require(dir.resolve("BCHEUR.csv")), "BCHEUR");
        List<Trade> day2 = replay(SharedData.require(dir.resolve("incremental_q2/BCHEUR.csv")), "BCHEUR");
        // SOURCES.md: 148 trades, 00:03:56 -> 23:19:47, 426.64478477 BCH, 89.82-90.93; then 486 trades,
        // 2023-01-02 00:48:56 -> 23:17:03, 1035.24613227 BCH, 89.3-93.98.
        assertKraken(day1, 148, "2023-01-01T00:03:56Z", "2023-01-01T23:19:47Z", 426.64478477, 89.82, 90.93);
        assertKraken(day2, 486, "2023-01-02T00:48:56Z", "2023-01-02T23:17:03Z", 1035.24613227, 89.3, 93.98);
    }

    private static void assertKraken(List<Trade> trades, int count, String first, String last, double volume,
            double low, double high) {
        assertThat(trades).hasSize(count);
        assertThat(trades).allSatisfy(t -> assertThat(List.of(t.getExchange(), t.getBase(), t.getQuote()))
                .containsExactly("kraken", "BCH", "EUR"));
        assertThat(trades.get(0).getEventTime()).isEqualTo(Instant.parse(first));
        assertThat(trades.get(count - 1).getEventTime()).isEqualTo(Instant.parse(last));
        assertThat(trades.stream().mapToDouble(Trade::getQuantity).sum()).isCloseTo(volume, within(1e-8));
        assertThat(trades.stream().mapToDouble(Trade::getPrice).min().orElseThrow()).isEqualTo(low);
        assertThat(trades.stream().mapToDouble(Trade::getPrice).max().orElseThrow()).isEqualTo(high);
        assertThat(trades).extracting(Trade::getTradeId).doesNotHaveDuplicates();
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
        try (ReplaySource source = new ReplaySource(new ReplayOptions(file, null, null, symbol, Pacer.MAX, true))) {
            source.run(trades::add);
        }
        return trades;
    }
}
