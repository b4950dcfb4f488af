package io.marketmetrics.app.metrics;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Counts the records that the main consumer of Kafka Streams reads from the trades topic. */
public final class TradeInputInterceptor implements ConsumerInterceptor<byte[], byte[]> {

    private PipelineMeters meters;
    private String trades;

    @Override
    public void configure(Map<String, ?> configs) {
        meters = (PipelineMeters) configs.get(PipelineMeters.CONFIG);
        if (meters == null) {
            throw new IllegalStateException(PipelineMeters.CONFIG + " is not set: install this interceptor with AppMetrics.instrument");
        }
        trades = meters.topics().trades();
    }

    @Override
    public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
        int count = 0;
        for (TopicPartition partition : records.partitions()) {
            if (trades.equals(partition.topic())) {
                count += records.records(partition).size();
            }
        }
        if (count > 0) {
            meters.received(count);
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }
}
