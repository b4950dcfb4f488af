package io.marketmetrics.producers.replay;

import java.util.Locale;

/** The trade file formats {@code replay} reads (INTERFACES.md, "Trade files"), each also gzip-compressed. */
public enum TradeFileFormat {
    /** The project's CSV with the header {@code timestamp,exchange,base,quote,price,quantity,trade_id,side}. */
    CSV("csv"),
    /** Binance trade CSV {@code id,price,qty,quote_qty,time,is_buyer_maker[,is_best_match]}. */
    BINANCE_CSV("binance-csv"),
    /** A JSON array of Binance aggTrades or trades, ccxt trades, or freqtrade rows. */
    BINANCE_JSON("binance-json");

    private final String cliName;

    TradeFileFormat(String cliName) {
        this.cliName = cliName;
    }

    /** The name used by {@code --format}. */
    public String cliName() {
        return cliName;
    }

    /** Whether the rows leave the market to {@code --exchange} and {@code --symbol}. */
    boolean needsMarket() {
        return this != CSV;
    }

    /** The format named by {@code --format}, in any case. */
    public static TradeFileFormat fromCliName(String name) {
        for (TradeFileFormat format : values()) {
            if (format.cliName.equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format \"" + name + "\" (expected csv, binance-csv or binance-json)");
    }

    /**
     * Guesses the format from the file name (without {@code .gz}) and its first line: {@code .json} is
     * JSON; a CSV whose first line names the project's columns is {@link #CSV}, any other CSV Binance's.
     */
    static TradeFileFormat detect(String fileName, String firstLine) {
        String name = fileName.toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        if (name.endsWith(".json") || firstLine.trim().startsWith("[")) {
            return BINANCE_JSON;
        }
        String header = firstLine.replace("\uFEFF", "").toLowerCase(Locale.ROOT);
        return header.contains("timestamp") && header.contains("exchange") ? CSV : BINANCE_CSV;
    }
}
