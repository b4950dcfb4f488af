package io.marketmetrics.app.metrics;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.marketmetrics.app.topology.hygiene.DeadLetterHandler;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;

/**
 * Watches what the producer of Kafka Streams writes: dead letters by the reason in their header, and the
 * end-to-end latency of metric updates, measured when Kafka acknowledges them (the record timestamp is
 * the evaluation time, i.e. the event time of the trade that caused the update).
 */
public final class OutputInterceptor implements ProducerInterceptor<byte[], byte[]> {

    private PipelineMeters meters;
    private String deadLetterTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        meters = (PipelineMeters) configs.get(PipelineMeters.CONFIG);
        if (meters == null) {
            throw new IllegalStateException(PipelineMeters.CONFIG + " is not set: install this interceptor with AppMetrics.instrument");
        }
        deadLetterTopic = meters.topics().tradesDlq();
    }

    @Override
    public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
        if (deadLetterTopic.equals(record.topic())) {
            Header reason = record.headers().lastHeader(DeadLetterHandler.REASON_HEADER);
            meters.deadLetter(reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8));
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        if (exception == null && metadata != null && metadata.hasTimestamp()) {
            meters.written(metadata.topic(), metadata.timestamp(), System.currentTimeMillis());
        }
    }

    @Override
    public void close() {
    }
}
