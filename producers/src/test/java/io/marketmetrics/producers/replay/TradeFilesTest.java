package io.marketmetrics.producers.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketmetrics.producers.Pacer;
import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every trade file format, plain and gzip-compressed, read into exactly the trades written by hand. */
class TradeFilesTest {

    @TempDir
    Path dir;

    static final String CSV = """
            timestamp,exchange,base,quote,price,quantity,trade_id,side
            1700000000123,binance,BTC,USDT,36512.34,0.00123,1001,buy
            2023-11-14T22:13:21.5Z,coinbase,ETH,USD,2051.07,1.5,abc-7,SELL
            2023-11-14T23:13:22+01:00,kraken,SOL,EUR,0.1,3e-2,x,
            """;

    static final List<Trade> CSV_TRADES = List.of(
            new Trade("binance", "BTC", "USDT", 36512.34, 0.00123, "1001", TakerSide.BUY, Instant.ofEpochMilli(1700000000123L)),
            new Trade("coinbase", "ETH", "USD", 2051.07, 1.5, "abc-7", TakerSide.SELL, Instant.ofEpochMilli(1700000001500L)),
            new Trade("kraken", "SOL", "EUR", 0.1, 0.03, "x", TakerSide.UNKNOWN, Instant.ofEpochMilli(1700000002000L)));

    /** Binance trade rows of BTCUSDT: the 7-column dump layout, a header, and a microsecond time. */
    static final String BINANCE_CSV = """
            id,price,qty,quote_qty,time,is_buyer_maker,is_best_match
            4071380701,42283.58000000,0.00045000,19.02761100,1704067200000,true,true
            4071380702,42283.59000000,0.00012000,5.07403080,1704067200001000,false,true
            """;

    static final List<Trade> BINANCE_TRADES = List.of(
            new Trade("binance", "BTC", "USDT", 42283.58, 0.00045, "4071380701", TakerSide.SELL,
                    Instant.ofEpochMilli(1704067200000L)),
            new Trade("binance", "BTC", "USDT", 42283.59, 0.00012, "4071380702", TakerSide.BUY,
                    Instant.ofEpochMilli(1704067200001L)));

    /** Binance REST aggTrades of BTCUSDT. */
    static final String AGG_TRADES_JSON = """
            [{"a":26129,"p":"0.01633102","q":"4.70443515","f":27781,"l":27781,"T":1498793709153,"m":true,"M":true},
             {"a":26130,"p":"0.01633200","q":"1.00000000","f":27782,"l":27783,"T":1498793709200,"m":false,"M":true}]
            """;

    static final List<Trade> AGG_TRADES = List.of(
            new Trade("binance", "BTC", "USDT", 0.01633102, 4.70443515, "26129", TakerSide.SELL,
                    Instant.ofEpochMilli(1498793709153L)),
            new Trade("binance", "BTC", "USDT", 0.016332, 1.0, "26130", TakerSide.BUY, Instant.ofEpochMilli(1498793709200L)));

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void projectCsvInEpochMillisAndIso8601(boolean gzip) throws Exception {
        Path file = write("trades.csv", CSV, gzip);
        assertThat(replay(file, null)).containsExactlyElementsOf(CSV_TRADES);
    }

    @Test
    void projectCsvColumnsMayComeInAnyOrderAndSideMayBeLeftOut() throws Exception {
        Path file = write("t.csv", """
                base,quote,exchange,trade_id,timestamp,quantity,price
                BTC,USDT,binance,1001,1700000000123,0.00123,36512.34
                """, false);
        assertThat(replay(file, null)).containsExactly(new Trade("binance", "BTC", "USDT", 36512.34, 0.00123, "1001", TakerSide.UNKNOWN,
                        Instant.ofEpochMilli(1700000000123L)));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void binanceTradeCsvWithTheMarketFromTheCommandLine(boolean gzip) throws Exception {
        Path file = write("BTCUSDT-trades-2024-01-01.csv", BINANCE_CSV, gzip);
        assertThat(replay(file, "BTCUSDT")).containsExactlyElementsOf(BINANCE_TRADES);
    }

    @Test
    void binanceTradeCsvWithoutHeaderAndSixColumns() throws Exception {
        Path file = write("BTCUSDT.csv", """
                4071380701,42283.58000000,0.00045000,19.02761100,1704067200000,true
                4071380702,42283.59000000,0.00012000,5.07403080,1704067200001000,false
                """, false);
        assertThat(replay(file, "BTC-USDT")).containsExactlyElementsOf(BINANCE_TRADES);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void binanceAggTradesJson(boolean gzip) throws Exception {
        Path file = write("aggTrades.json", AGG_TRADES_JSON, gzip);
        assertThat(replay(file, "BTCUSDT")).containsExactlyElementsOf(AGG_TRADES);
    }

    @Test
    void binanceRestTradesJson() throws Exception {
        Path file = write("trades.json", """
                [{"id":28457,"price":"4.00000100","qty":"12.00000000","quoteQty":"48.000012","time":1499865549590,
                  "isBuyerMaker":true,"isBestMatch":true}]
                """, false);
        assertThat(replay(file, "BNBBTC")).containsExactly(new Trade("binance", "BNB", "BTC", 4.000001, 12.0, "28457",
                TakerSide.SELL, Instant.ofEpochMilli(1499865549590L)));
    }

    @Test
    void ccxtTradesNameTheirOwnMarket() throws Exception {
        Path file = write("XRP_ETH-trades.json", """
                [{"info":{"a":13519807},"timestamp":1570752011620,"datetime":"2019-10-11T00:00:11.620Z",
                  "symbol":"XRP/ETH","id":"13519807","side":"sell","price":0.00141342,"amount":23.0,"cost":0.03250866},
                 {"timestamp":1570752028907,"symbol":"XRP/ETH","id":"13519810","side":"buy","price":0.00141379,
                  "amount":581,"cost":0.82141199}]
                """, true);
        assertThat(replay(file, null)).containsExactly(
                new Trade("binance", "XRP", "ETH", 0.00141342, 23.0, "13519807", TakerSide.SELL,
                        Instant.ofEpochMilli(1570752011620L)),
                new Trade("binance", "XRP", "ETH", 0.00141379, 581.0, "13519810", TakerSide.BUY,
                        Instant.ofEpochMilli(1570752028907L)));
    }

    @Test
    void freqtradeCompactRows() throws Exception {
        Path file = write("XRP_ETH-trades.json", """
                [[1570752011620,"13519807",null,"sell",0.00141342,23.0,0.03250866],
                 [1570752028907,"13519810",null,"buy",0.00141379,581.0,0.82141199]]
                """, true);
        assertThat(replay(file, "XRP/ETH")).containsExactly(
                new Trade("binance", "XRP", "ETH", 0.00141342, 23.0, "13519807", TakerSide.SELL,
                        Instant.ofEpochMilli(1570752011620L)),
                new Trade("binance", "XRP", "ETH", 0.00141379, 581.0, "13519810", TakerSide.BUY,
                        Instant.ofEpochMilli(1570752028907L)));
    }

    @Test
    void decimalsAreParsedFromTheirTextToTheNearestDouble() throws Exception {
        // 0.1 + 0.2 style values and a 17-digit price: each must be the double nearest the written decimal.
        Path file = write("exact.json", """
                [{"a":1,"p":"0.30000000000000004","q":"0.1","T":1,"m":true},
                 {"timestamp":2,"symbol":"A/B","id":"2","side":"buy","price":123456.78901234567,"amount":1e-8}]
                """, false);
        List<Trade> trades = replay(file, "A-B");
        assertThat(trades.get(0).getPrice()).isEqualTo(Double.parseDouble("0.30000000000000004"));
        assertThat(trades.get(0).getQuantity()).isEqualTo(Double.parseDouble("0.1"));
        assertThat(trades.get(1).getPrice()).isEqualTo(Double.parseDouble("123456.78901234567"));
        assertThat(trades.get(1).getQuantity()).isEqualTo(Double.parseDouble("1e-8"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void krakenTimeAndSalesCsv(boolean gzip) throws Exception {
        Path file = write("BCHEUR.csv", """
                1672531436,90.540000,1.10448420
                1672531471.25,90.450000,1.00000000
                """, gzip);
        assertThat(replay(file, "BCHEUR")).containsExactly(
                new Trade("kraken", "BCH", "EUR", 90.54, 1.1044842, "1672531436-1", TakerSide.UNKNOWN,
                        Instant.ofEpochMilli(1672531436000L)),
                new Trade("kraken", "BCH", "EUR", 90.45, 1.0, "1672531471.25-2", TakerSide.UNKNOWN,
                        Instant.ofEpochMilli(1672531471250L)));
    }

    @Test
    void formatIsDetectedFromNameAndFirstLine() {
        assertThat(TradeFileFormat.detect("a.csv", "timestamp,exchange,base,quote,price,quantity,trade_id,side"))
                .isEqualTo(TradeFileFormat.CSV);
        assertThat(TradeFileFormat.detect("a.csv.gz", "\uFEFFtimestamp,exchange,base")).isEqualTo(TradeFileFormat.CSV);
        assertThat(TradeFileFormat.detect("BTCUSDT.csv", "1,2.0,3.0,6.0,1704067200000,true"))
                .isEqualTo(TradeFileFormat.BINANCE_CSV);
        assertThat(TradeFileFormat.detect("a.json.gz", "")).isEqualTo(TradeFileFormat.BINANCE_JSON);
        assertThat(TradeFileFormat.detect("a.txt", " [{\"a\":1}")).isEqualTo(TradeFileFormat.BINANCE_JSON);
        assertThat(TradeFileFormat.detect("BCHEUR.csv", "1672531436,90.540000,1.10448420")).isEqualTo(TradeFileFormat.KRAKEN_CSV);
    }

    private List<Trade> replay(Path file, String symbol) throws Exception {
        List<Trade> trades = new ArrayList<>();
        try (ReplaySource source = new ReplaySource(new ReplayOptions(file, null, null, symbol, Pacer.MAX, true))) {
            source.run(trades::add);
            assertThat(source.published()).isEqualTo(trades.size());
            assertThat(source.progress()).isEqualTo(1.0);
        }
        return trades;
    }

    private Path write(String name, String text, boolean gzip) throws IOException {
        Path file = dir.resolve(gzip ? name + ".gz" : name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
