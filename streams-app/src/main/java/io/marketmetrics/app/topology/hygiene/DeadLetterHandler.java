package io.marketmetrics.app.topology.hygiene;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records that cannot be deserialized, trades the hygiene step rejects, and records whose processing
 * failed to the dead-letter topic ({@code errors.dead.letter.queue.topic.name}) with their original key and
 * value bytes, and continues: nothing stops the application, nothing is dropped silently. Kafka Streams
 * counts every such record in its {@code dropped-records} task metric; rejections are also counted by
 * reason in the hygiene step. Headers: {@value #REASON_HEADER} (a {@link RejectReason}) and Kafka Streams'
 * own {@code __streams.errors.*} names for the exception, message and source topic, partition and offset.
 */
public final class DeadLetterHandler implements ProcessingExceptionHandler, DeserializationExceptionHandler {

    public static final String REASON_HEADER = "reason";
    // The header names Kafka Streams' built-in handlers use, so that the same tools read our dead letters.
    static final String EXCEPTION_HEADER = "__streams.errors.exception";
    static final String MESSAGE_HEADER = "__streams.errors.message";
    static final String TOPIC_HEADER = "__streams.errors.topic";
    static final String PARTITION_HEADER = "__streams.errors.partition";
    static final String OFFSET_HEADER = "__streams.errors.offset";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private String topic;

    @Override
    public void configure(Map<String, ?> configs) {
        Object name = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (name == null || name.toString().isBlank()) {
            throw new ConfigException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG + " must name the dead-letter topic");
        }
        this.topic = name.toString();
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                           Exception exception) {
        RejectReason reason = exception instanceof RejectedTradeException rejected ? rejected.reason() : RejectReason.PROCESSING;
        if (reason == RejectReason.PROCESSING) {
            LOG.error("Processing failed at {} for {}-{}@{}; record sent to {}", context.processorNodeId(),
                    context.topic(), context.partition(), context.offset(), topic, exception);
        } else {
            LOG.debug("Rejected {}-{}@{}: {}", context.topic(), context.partition(), context.offset(), exception.getMessage());
        }
        return ProcessingExceptionHandler.Response.resume(List.of(deadLetter(context.sourceRawKey(),
                context.sourceRawValue(), reason, exception, context.topic(), context.partition(), context.offset())));
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                ConsumerRecord<byte[], byte[]> record, Exception exception) {
        LOG.warn("Cannot deserialize {}-{}@{} ({}); record sent to {}", record.topic(), record.partition(), record.offset(),
                exception.getMessage(), topic);
        return DeserializationExceptionHandler.Response.resume(List.of(deadLetter(record.key(), record.value(),
                RejectReason.DESERIALIZATION, exception, record.topic(), record.partition(), record.offset())));
    }

    private ProducerRecord<byte[], byte[]> deadLetter(byte[] key, byte[] value, RejectReason reason, Exception exception,
                                                     String sourceTopic, int partition, long offset) {
        Headers headers = new RecordHeaders();
        headers.add(REASON_HEADER, utf8(reason.name()));
        headers.add(EXCEPTION_HEADER, utf8(exception.getClass().getName()));
        headers.add(MESSAGE_HEADER, utf8(String.valueOf(exception.getMessage())));
        headers.add(TOPIC_HEADER, utf8(String.valueOf(sourceTopic)));
        headers.add(PARTITION_HEADER, utf8(Integer.toString(partition)));
        headers.add(OFFSET_HEADER, utf8(Long.toString(offset)));
        // No timestamp: the broker's clock, so the dead-letter topic's retention counts from when it was written.
        return new ProducerRecord<>(topic, null, null, key, value, headers);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
