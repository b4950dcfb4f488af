package io.marketmetrics.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The load generator's response reader: where each response ends, and its status, however the bytes arrive. */
class HttpResponseReaderTest {

    private static final String OK = "HTTP/1.1 200 OK\r\nDate: Thu, 26 Nov 2026 05:00:00 GMT\r\nContent-Type: application/json\r\n"
            + "Content-Length: 13\r\n\r\n{\"symbol\":1}\n";
    private static final String NOT_FOUND = "HTTP/1.1 404 Not Found\r\ncontent-length:  2 \r\n\r\n{}";
    // Two chunks of 5 and 16 (0x10) bytes, the second with an extension, then a trailer.
    private static final String CHUNKED = "HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: Chunked\r\n\r\n"
            + "5\r\nhello\r\n10;name=value\r\n0123456789abcdef\r\n0\r\nX-Trailer: 1\r\n\r\n";

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aResponseInOnePiece() {
        HttpResponseReader reader = new HttpResponseReader();
        ByteBuffer in = bytes(OK);
        assertThat(reader.read(in)).isTrue();
        assertThat(reader.status()).isEqualTo(200);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void endsOnlyAtTheLastByteWhenFedOneByteAtATime() {
        for (String response : new String[] {OK, NOT_FOUND, CHUNKED}) {
            HttpResponseReader reader = new HttpResponseReader();
            byte[] all = response.getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < all.length - 1; i++) {
                assertThat(reader.read(ByteBuffer.wrap(all, i, 1))).as("byte %d of %s", i, response).isFalse();
            }
            assertThat(reader.read(ByteBuffer.wrap(all, all.length - 1, 1))).isTrue();
            assertThat(reader.status()).isEqualTo(Integer.parseInt(response.substring(9, 12)));
        }
    }

    @Test
    void stopsAtTheEndOfEachOfSeveralResponsesInOneBuffer() {
        HttpResponseReader reader = new HttpResponseReader();
        ByteBuffer in = bytes(NOT_FOUND + CHUNKED + OK);
        assertThat(reader.read(in)).isTrue();
        assertThat(reader.status()).isEqualTo(404);
        assertThat(in.remaining()).isEqualTo(CHUNKED.length() + OK.length());
        assertThat(reader.read(in)).isTrue();
        assertThat(reader.status()).isEqualTo(503);
        assertThat(in.remaining()).isEqualTo(OK.length());
        assertThat(reader.read(in)).isTrue();
        assertThat(reader.status()).isEqualTo(200);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void aResponseWithoutBody() {
        HttpResponseReader reader = new HttpResponseReader();
        ByteBuffer in = bytes("HTTP/1.1 204 No Content\r\n\r\n" + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        assertThat(reader.read(in)).isTrue();
        assertThat(reader.status()).isEqualTo(204);
        assertThat(reader.read(in)).isTrue();
        assertThat(reader.status()).isEqualTo(200);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void aNewConnectionStartsAfresh() {
        HttpResponseReader reader = new HttpResponseReader();
        assertThat(reader.read(bytes(OK.substring(0, 40)))).isFalse();
        reader.reset();
        assertThat(reader.read(bytes(NOT_FOUND))).isTrue();
        assertThat(reader.status()).isEqualTo(404);
    }

    @Test
    void aResponseWhoseEndCannotBeFoundIsAnError() {
        assertThatThrownBy(() -> new HttpResponseReader().read(bytes("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nbody")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("neither Content-Length nor chunked");
    }

    @Test
    void malformedResponsesAreErrors() {
        assertThatThrownBy(() -> new HttpResponseReader().read(bytes("SSH-2.0-OpenSSH_9.2\r\n")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not an HTTP/1.x status line: SSH-2.0");
        assertThatThrownBy(() -> new HttpResponseReader().read(bytes("HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a number");
        assertThatThrownBy(() -> new HttpResponseReader().read(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabX\r\n")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no line end after a chunk");
    }
}
