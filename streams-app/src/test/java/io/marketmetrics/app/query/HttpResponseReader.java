package io.marketmetrics.app.query;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Finds where HTTP/1.1 responses on a kept-alive connection end, and their status, reading the bytes as they
 * come (in pieces of any size) without building strings: for {@link LoadGenerator}, which must cost as little
 * CPU per request as it can. It reads the status line and the headers' {@code Content-Length} and
 * {@code Transfer-Encoding: chunked}, and skips the body. A response it cannot delimit (no length and not
 * chunked, or malformed) is an {@link IllegalStateException}: the connection cannot be used any more.
 */
final class HttpResponseReader {

    private enum State { STATUS_LINE, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS }

    private static final byte[] HTTP_1 = "HTTP/1.".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "chunked".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_LINE = 8192;

    private final byte[] line = new byte[MAX_LINE];
    private int lineLength;
    private State state = State.STATUS_LINE;
    private int status;
    private long contentLength;
    private boolean chunked;
    private long remaining;

    /**
     * Reads from {@code in} up to the end of the current response: true when it ended (then {@link #status()} is
     * its status and the next call starts the next response; bytes after it stay in {@code in}), false when
     * {@code in} ran out first.
     */
    boolean read(ByteBuffer in) {
        while (in.hasRemaining()) {
            if (state == State.BODY || state == State.CHUNK_DATA) {
                int n = (int) Math.min(remaining, in.remaining());
                in.position(in.position() + n);
                remaining -= n;
                if (remaining == 0) {
                    if (state == State.BODY) {
                        return finished();
                    }
                    state = State.CHUNK_END;
                }
            } else if (lineRead(in) && lineEnded()) {
                return finished();
            }
        }
        return false;
    }

    /** Forgets the response read so far: for a new connection. */
    void reset() {
        state = State.STATUS_LINE;
        lineLength = 0;
    }

    /** The status of the response that {@link #read} last found complete. */
    int status() {
        return status;
    }

    /** Adds bytes to the current line up to its line feed; true once it is complete (without its CR LF). */
    private boolean lineRead(ByteBuffer in) {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return true;
            }
            if (lineLength == MAX_LINE) {
                throw new IllegalStateException("a response line longer than " + MAX_LINE + " bytes");
            }
            line[lineLength++] = b;
        }
        return false;
    }

    /** Acts on the line just read; true when it was the response's last. */
    private boolean lineEnded() {
        int length = lineLength;
        lineLength = 0;
        switch (state) {
            case STATUS_LINE -> {
                if (length < 12 || !startsWith(HTTP_1, length) || line[8] != ' ') {
                    throw new IllegalStateException("not an HTTP/1.x status line: " + text(length));
                }
                status = (int) number(9, 12, 10);
                contentLength = -1;
                chunked = false;
                state = State.HEADERS;
                return false;
            }
            case HEADERS -> {
                return length == 0 ? headersEnded() : header(length);
            }
            case CHUNK_SIZE -> {
                int end = 0;
                while (end < length && line[end] != ';' && line[end] != ' ') {
                    end++;
                }
                remaining = number(0, end, 16);
                state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
                return false;
            }
            case CHUNK_END -> {
                if (length != 0) {
                    throw new IllegalStateException("no line end after a chunk: " + text(length));
                }
                state = State.CHUNK_SIZE;
                return false;
            }
            case TRAILERS -> {
                return length == 0;
            }
            default -> throw new IllegalStateException("no line expected in state " + state);
        }
    }

    private boolean header(int length) {
        if (startsWithIgnoringCase(CONTENT_LENGTH, length)) {
            int from = CONTENT_LENGTH.length;
            while (from < length && line[from] == ' ') {
                from++;
            }
            int to = length;
            while (to > from && line[to - 1] == ' ') {
                to--;
            }
            contentLength = number(from, to, 10);
        } else if (startsWithIgnoringCase(TRANSFER_ENCODING, length)) {
            chunked = contains(CHUNKED, TRANSFER_ENCODING.length, length);
        }
        return false;
    }

    private boolean headersEnded() {
        if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
            state = State.STATUS_LINE; // no body; an interim 1xx answer is followed by the real one
            return status >= 200;
        }
        if (chunked) {
            state = State.CHUNK_SIZE;
            return false;
        }
        if (contentLength < 0) {
            throw new IllegalStateException("a response with neither Content-Length nor chunked encoding: its end cannot be found");
        }
        remaining = contentLength;
        state = State.BODY;
        return contentLength == 0;
    }

    private boolean finished() {
        state = State.STATUS_LINE;
        return true;
    }

    /** The digits of {@code line[from, to)} in the given radix. */
    private long number(int from, int to, int radix) {
        if (from >= to || to - from > 15) {
            throw new IllegalStateException("not a number in: " + text(to));
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(line[i], radix);
            if (digit < 0) {
                throw new IllegalStateException("not a number in: " + text(to));
            }
            value = value * radix + digit;
        }
        return value;
    }

    private boolean startsWith(byte[] prefix, int length) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code lowerCasePrefix}: lower-case letters, '-' and ':', each of which has bit 0x20 set. */
    private boolean startsWithIgnoringCase(byte[] lowerCasePrefix, int length) {
        if (length < lowerCasePrefix.length) {
            return false;
        }
        for (int i = 0; i < lowerCasePrefix.length; i++) {
            if ((line[i] | 0x20) != lowerCasePrefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code lowerCaseWord} occurs in {@code line[from, to)}, ignoring ASCII case. */
    private boolean contains(byte[] lowerCaseWord, int from, int to) {
        for (int start = from; start + lowerCaseWord.length <= to; start++) {
            int i = 0;
            while (i < lowerCaseWord.length && (line[start + i] | 0x20) == lowerCaseWord[i]) {
                i++;
            }
            if (i == lowerCaseWord.length) {
                return true;
            }
        }
        return false;
    }

    private String text(int length) {
        return new String(line, 0, Math.min(length, 200), StandardCharsets.ISO_8859_1);
    }
}
