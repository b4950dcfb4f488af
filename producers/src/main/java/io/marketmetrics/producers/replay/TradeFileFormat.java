package io.marketmetrics.producers.replay;

import java.util.Locale;

/** The trade file formats {@code replay} reads (INTERFACES.md, "Trade files"), each also gzip-compressed. */
public enum TradeFileFormat {
    /** The project's CSV with the header {@code timestamp,exchange,base,quote,price,quantity,trade_id,side}. */
    CSV("csv"),
    /** Binance trade CSV {@code id,price,qty,quote_qty,time,is_buyer_maker[,is_best_match]}. */
    BINANCE_CSV("binance-csv"),
    /** A JSON array of Binance aggTrades or trades, ccxt trades, or freqtrade rows. */
    BINANCE_JSON("binance-json"),
    /** Kraken time and sales CSV {@code unix_seconds,price,volume}, without header, id or side. */
    KRAKEN_CSV("kraken-csv");

    private final String cliName;

    TradeFileFormat(String cliName) {
        this.cliName = cliName;
    }

    /** The name used by {@code --format}. */
    public String cliName() {
        return cliName;
    }

    /** The exchange of rows that do not name one, unless {@code --exchange} says otherwise. */
    public String defaultExchange() {
        return this == KRAKEN_CSV ? "kraken" : "binance";
    }

    /** The format named by {@code --format}, in any case. */
    public static TradeFileFormat fromCliName(String name) {
        for (TradeFileFormat format : values()) {
            if (format.cliName.equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format \"" + name + "\" (expected csv, binance-csv, binance-json or "
                + "kraken-csv)");
    }

    /**
     * Guesses the format from the file name (without {@code .gz}) and its first line: {@code .json} is
     * JSON; a CSV whose first line names the project's columns is {@link #CSV}, one of three fields
     * Kraken's, any other Binance's.
     */
    static TradeFileFormat detect(String fileName, String firstLine) {
        String name = fileName.toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        if (name.endsWith(".json") || firstLine.trim().startsWith("[")) {
            return BINANCE_JSON;
        }
        String header = firstLine.replace("\uFEFF", "").toLowerCase(Locale.ROOT);
        if (header.contains("timestamp") && header.contains("exchange")) {
            return CSV;
        }
        return header.split(",", -1).length == 3 ? KRAKEN_CSV : BINANCE_CSV;
    }
}
