package io.marketmetrics.producers.replay;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/** Opens a trade file of any format, gzip-compressed or not (told by its magic bytes), for reading. */
final class TradeFiles {

    private static final int GZIP_MAGIC = 0x8b1f;

    private TradeFiles() {
    }

    /**
     * A reader of the file's trades.
     *
     * @param format the format, or null to detect it
     * @param exchange the exchange of formats whose rows do not name one, or null for the format's own
     * @param symbol the market of formats whose rows do not name one, e.g. BTCUSDT (null: from the rows, or an error)
     * @param bytesRead counts the bytes of the file (compressed) read so far, for progress
     * @throws IllegalArgumentException for a symbol that cannot be split, or a format that needs one
     */
    static TradeReader open(Path file, TradeFileFormat format, String exchange, String symbol, AtomicLong bytesRead)
            throws IOException, MalformedTradeException {
        TradeFileFormat actual = format != null ? format : detect(file);
        String venue = exchange != null ? exchange : actual.defaultExchange();
        MarketSpec market = symbol == null ? null : MarketSpec.of(venue, symbol);
        InputStream in = decompressed(new CountingInputStream(Files.newInputStream(file), bytesRead));
        try {
            return switch (actual) {
                case CSV -> new CsvTradeReader(lines(in));
                case BINANCE_CSV -> new BinanceCsvTradeReader(lines(in), requireMarket(market, actual));
                case BINANCE_JSON -> new BinanceJsonTradeReader(in, venue, market);
                case KRAKEN_CSV -> new KrakenCsvTradeReader(lines(in), requireMarket(market, actual));
            };
        } catch (IOException | MalformedTradeException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The format of a file from its name and first line. */
    static TradeFileFormat detect(Path file) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                decompressed(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            return TradeFileFormat.detect(file.getFileName().toString(), first == null ? "" : first);
        }
    }

    private static MarketSpec requireMarket(MarketSpec market, TradeFileFormat format) {
        if (market == null) {
            throw new IllegalArgumentException(format.cliName() + " rows do not name their market: give --symbol (e.g. "
                    + (format == TradeFileFormat.KRAKEN_CSV ? "BCHEUR" : "BTCUSDT") + ") and --exchange");
        }
        return market;
    }

    private static CsvLines lines(InputStream in) {
        return new CsvLines(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    }

    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int magic = in.read() | (in.read() << 8);
        in.reset();
        return magic == GZIP_MAGIC ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    /** Counts the bytes read through it. */
    private static final class CountingInputStream extends FilterInputStream {

        private final AtomicLong count;

        CountingInputStream(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
