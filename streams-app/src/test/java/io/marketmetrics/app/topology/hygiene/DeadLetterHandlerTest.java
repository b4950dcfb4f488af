package io.marketmetrics.app.topology.hygiene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {

    private static final byte[] KEY = "BTC".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = {0, 0, 0, 0, 7, 42};

    private final DeadLetterHandler handler = new DeadLetterHandler();

    DeadLetterHandlerTest() {
        handler.configure(Map.of("errors.dead.letter.queue.topic.name", "x-trades-dlq"));
    }

    @Test
    void undeserializableRecordsKeepTheirBytesAndSayWhy() {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("trades", 3, 99L, KEY, VALUE);
        DeserializationExceptionHandler.Response response =
                handler.handleError(context(), record, new SerializationException("Unknown magic byte"));
        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> letter = response.deadLetterQueueRecords().get(0);
        assertThat(letter.topic()).isEqualTo("x-trades-dlq");
        assertThat(letter.key()).isEqualTo(KEY);
        assertThat(letter.value()).isEqualTo(VALUE);
        assertThat(header(letter.headers(), "reason")).isEqualTo("DESERIALIZATION");
        assertThat(header(letter.headers(), "__streams.errors.message")).isEqualTo("Unknown magic byte");
        assertThat(header(letter.headers(), "__streams.errors.partition")).isEqualTo("3");
        assertThat(header(letter.headers(), "__streams.errors.offset")).isEqualTo("99");
    }

    @Test
    void rejectionsCarryTheirReasonAndOtherFailuresSayProcessing() {
        ProcessingExceptionHandler.Response rejected = handler.handleError(context(), new Record<>("BTC", "x", 0L),
                new RejectedTradeException(RejectReason.LATE, "old"));
        assertThat(rejected.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(header(rejected.deadLetterQueueRecords().get(0).headers(), "reason")).isEqualTo("LATE");
        assertThat(rejected.deadLetterQueueRecords().get(0).value()).isEqualTo(VALUE);
        ProcessingExceptionHandler.Response failed = handler.handleError(context(), new Record<>("BTC", "x", 0L),
                new IllegalStateException("bug"));
        assertThat(header(failed.deadLetterQueueRecords().get(0).headers(), "reason")).isEqualTo("PROCESSING");
        assertThat(header(failed.deadLetterQueueRecords().get(0).headers(), "__streams.errors.exception"))
                .isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void refusesToRunWithoutADeadLetterTopic() {
        assertThatThrownBy(() -> new DeadLetterHandler().configure(Map.of())).isInstanceOf(ConfigException.class);
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            public String topic() { return "trades"; }
            public int partition() { return 3; }
            public long offset() { return 99L; }
            public Headers headers() { return new RecordHeaders(); }
            public String processorNodeId() { return "hygiene"; }
            public TaskId taskId() { return new TaskId(0, 3); }
            public long timestamp() { return 0L; }
            public byte[] sourceRawKey() { return KEY; }
            public byte[] sourceRawValue() { return VALUE; }
        };
    }
}
