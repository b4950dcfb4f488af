package io.marketmetrics.producers.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketmetrics.cli.UserError;
import io.marketmetrics.producers.Pacer;
import io.marketmetrics.schema.Trade;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A malformed row is reported with its line number, then skipped and counted, or stops the replay with --strict. */
class MalformedRowsTest {

    @TempDir
    Path dir;

    /** Lines 3, 5, 6, 7 and 9 are malformed; line 8 is blank; lines 2 and 4 are good. */
    static final String CSV = """
            timestamp,exchange,base,quote,price,quantity,trade_id,side
            1700000000000,binance,BTC,USDT,36000,0.5,1,buy
            1700000000001,binance,BTC,USDT,abc,0.5,2,buy
            1700000000002,binance,ETH,USDT,2000,1,3,sell
            1700000000003,binance,ETH,USDT,2000,1,4
            yesterday,binance,ETH,USDT,2000,1,5,sell
            1700000000006,binance,ETH,USDT,2000,1,6,hold

            1700000000008,binance,ETH,USDT,NaN,1,8,sell
            """;

    @Test
    void eachMalformedRowIsReportedWithItsLineNumber() throws Exception {
        List<String> errors = new ArrayList<>();
        List<String> tradeIds = new ArrayList<>();
        try (CsvTradeReader reader = new CsvTradeReader(new CsvLines(new BufferedReader(new StringReader(CSV))))) {
            for (int i = 0; i < 7; i++) {
                try {
                    tradeIds.add(reader.next().getTradeId());
                } catch (MalformedTradeException e) {
                    errors.add(e.getMessage());
                }
            }
            assertThat(reader.next()).isNull();
        }
        assertThat(tradeIds).containsExactly("1", "3");
        assertThat(errors).containsExactly(
                "line 3: price: not a decimal number: \"abc\"",
                "line 5: expected 8 fields as in the header, found 7",
                "line 6: timestamp: neither epoch milliseconds nor an ISO-8601 time with a zone: \"yesterday\"",
                "line 7: side: must be buy, sell or empty: \"hold\"",
                "line 9: price: not a decimal number: \"NaN\"");
    }

    @Test
    void malformedRowsAreSkippedAndCounted() throws Exception {
        Path file = Files.writeString(dir.resolve("t.csv"), CSV);
        List<Trade> trades = new ArrayList<>();
        try (ReplaySource source = new ReplaySource(new ReplayOptions(file, null, "binance", null, Pacer.MAX, false))) {
            source.run(trades::add);
            assertThat(source.skipped()).isEqualTo(5);
            assertThat(source.published()).isEqualTo(2);
        }
        assertThat(trades).extracting(Trade::getTradeId).containsExactly("1", "3");
    }

    @Test
    void strictStopsAtTheFirstMalformedRowWithItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("t.csv"), CSV);
        List<Trade> trades = new ArrayList<>();
        try (ReplaySource source = new ReplaySource(new ReplayOptions(file, null, "binance", null, Pacer.MAX, true))) {
            assertThatThrownBy(() -> source.run(trades::add))
                    .isInstanceOf(UserError.class)
                    .hasMessage("t.csv line 3: price: not a decimal number: \"abc\" (stopped: --strict)");
        }
        assertThat(trades).extracting(Trade::getTradeId).containsExactly("1");
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsStopsTheReplay() throws Exception {
        Path file = Files.writeString(dir.resolve("t.csv"), "timestamp,exchange,base,price\n1,binance,BTC,1\n");
        try (ReplaySource source = new ReplaySource(new ReplayOptions(file, null, "binance", null, Pacer.MAX, false))) {
            assertThatThrownBy(() -> source.run(t -> { }))
                    .isInstanceOf(UserError.class)
                    .hasMessage("t.csv line 1: the header lacks column(s) quote, quantity, trade_id; expected "
                            + "timestamp,exchange,base,quote,price,quantity,trade_id,side");
        }
    }

    @Test
    void malformedJsonRecordsNameTheRecordAndItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("agg.json"), """
                [{"a":1,"p":"1.5","q":"2","T":1000,"m":true},
                 {"a":2,"p":"x","q":"2","T":1001,"m":true},
                 {"a":3,"p":"1.5","q":"2","T":1002,"m":"maybe"},
                 {"hello":"world"},
                 {"a":5,"p":"1.5","q":"2","T":1004,"m":false}]
                """);
        List<String> errors = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (TradeReader reader = TradeFiles.open(file, null, null, "BTCUSDT", new AtomicLong())) {
            for (int i = 0; i < 5; i++) {
                try {
                    ids.add(reader.next().getTradeId());
                } catch (MalformedTradeException e) {
                    errors.add(e.getMessage());
                }
            }
        }
        assertThat(ids).containsExactly("1", "5");
        assertThat(errors).containsExactly(
                "record 2 (line 2, column 2): p: not a decimal number: \"x\"",
                "record 3 (line 3, column 2): m: must be true or false: \"maybe\"",
                "record 4 (line 4, column 2): not a trade in a known shape (Binance aggTrade, Binance trade, ccxt trade, "
                        + "freqtrade row): {\"hello\":\"world\"}");
    }

    @Test
    void brokenJsonSyntaxStopsTheReplayWithItsPosition() throws Exception {
        Path file = Files.writeString(dir.resolve("agg.json"), "[{\"a\":1,\"p\":\"1.5\",\"q\":\"2\",\"T\":1000,\"m\":true},\n {\"a\":2,");
        List<Trade> trades = new ArrayList<>();
        try (ReplaySource source = new ReplaySource(new ReplayOptions(file, null, "binance", "BTCUSDT", Pacer.MAX, false))) {
            assertThatThrownBy(() -> source.run(trades::add))
                    .isInstanceOf(UserError.class)
                    .hasMessageStartingWith("agg.json: cannot read on after 1 trades: ")
                    .hasMessageContaining("line: 2");
        }
        assertThat(trades).hasSize(1);
    }

    @Test
    void binanceFormatsNeedTheMarket() throws Exception {
        Path file = Files.writeString(dir.resolve("BTCUSDT.csv"), "1,2.0,3.0,6.0,1704067200000,true\n");
        try (ReplaySource source = new ReplaySource(new ReplayOptions(file, null, "binance", null, Pacer.MAX, false))) {
            assertThatThrownBy(() -> source.run(t -> { }))
                    .isInstanceOf(UserError.class)
                    .hasMessage("binance-csv rows do not name their market: give --symbol (e.g. BTCUSDT) and --exchange");
        }
    }
}
