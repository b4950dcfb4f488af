package io.marketmetrics.producers.replay;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;

/**
 * The rows of a simple CSV file (no quoted commas: trade files need none), with 1-based line numbers
 * for error messages. Blank lines are skipped; fields are trimmed and stripped of surrounding quotes.
 */
final class CsvLines implements Closeable {

    private final BufferedReader reader;
    private int lineNumber;

    CsvLines(BufferedReader reader) {
        this.reader = reader;
    }

    /** The fields of the next non-blank line, or null at the end. */
    String[] next() throws IOException {
        String line;
        do {
            line = reader.readLine();
            if (line == null) {
                return null;
            }
            lineNumber++;
        } while (line.isBlank());
        if (lineNumber == 1 && line.startsWith("\uFEFF")) {
            line = line.substring(1); // a byte-order mark written by spreadsheet tools
        }
        String[] fields = line.split(",", -1);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = unquote(fields[i].trim());
        }
        return fields;
    }

    /** The 1-based line number of the row last returned by {@link #next}. */
    int lineNumber() {
        return lineNumber;
    }

    /** Where the row last returned is, for messages: {@code line 12}. */
    String location() {
        return "line " + lineNumber;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static String unquote(String field) {
        return field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")
                ? field.substring(1, field.length() - 1)
                : field;
    }
}
