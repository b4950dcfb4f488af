package io.marketmetrics.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.marketmetrics.topics.TopicNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The pipeline meters as the Kafka clients' interceptors feed them, on a prefixed topic layout. */
class InterceptorsTest {

    private final TopicNames topics = new TopicNames("test.");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMeters meters = new PipelineMeters(topics, registry);

    @Test
    void countsOnlyRecordsOfTheTradesTopic() {
        TradeInputInterceptor interceptor = new TradeInputInterceptor();
        interceptor.configure(Map.of(PipelineMeters.CONFIG, meters));
        TopicPartition trades0 = new TopicPartition("test.trades", 0);
        TopicPartition trades1 = new TopicPartition("test.trades", 1);
        TopicPartition reference = new TopicPartition("test.asset-reference", 0);
        interceptor.onConsume(new ConsumerRecords<>(Map.of(
                trades0, List.of(record(trades0, 0), record(trades0, 1)),
                trades1, List.of(record(trades1, 7)),
                reference, List.of(record(reference, 0))), Map.<TopicPartition, OffsetAndMetadata>of()));
        assertThat(registry.get("mm.trades.received").counter().count()).isEqualTo(3.0);
    }

    @Test
    void countsDeadLettersByTheirReasonHeader() {
        OutputInterceptor interceptor = new OutputInterceptor();
        interceptor.configure(Map.of(PipelineMeters.CONFIG, meters));
        interceptor.onSend(deadLetter("INVALID_PRICE"));
        interceptor.onSend(deadLetter("INVALID_PRICE"));
        interceptor.onSend(deadLetter("LATE"));
        interceptor.onSend(deadLetter("NOT_A_REASON"));
        interceptor.onSend(deadLetter(null));
        interceptor.onSend(new ProducerRecord<>("test.asset-metrics", new byte[0], new byte[0]));
        assertThat(dlq("INVALID_PRICE")).isEqualTo(2.0);
        assertThat(dlq("LATE")).isEqualTo(1.0);
        assertThat(dlq("UNKNOWN")).isEqualTo(2.0);
        assertThat(dlq("DESERIALIZATION")).isZero();
    }

    @Test
    void latencyIsFromTheRecordTimestampToItsAcknowledgementForMetricOutputsOnly() {
        meters.written("test.asset-metrics", 1_000_000L, 1_002_500L);
        meters.written("test.market-metrics", 1_000_000L, 1_000_040L);
        meters.written("test.candles-1m", 1_000_000L, 9_000_000L);
        assertThat(registry.get("mm.e2e.latency").tag("output", "asset-metrics").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2_500.0);
        assertThat(registry.get("mm.e2e.latency").tag("output", "market-metrics").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40.0);
        assertThat(registry.get("mm.e2e.latency").timers()).hasSize(2);

        OutputInterceptor interceptor = new OutputInterceptor();
        interceptor.configure(Map.of(PipelineMeters.CONFIG, meters));
        interceptor.onAcknowledgement(new RecordMetadata(new TopicPartition("test.market-metrics", 0), 0, 0, 1_000L, 0, 0), null);
        interceptor.onAcknowledgement(new RecordMetadata(new TopicPartition("test.market-metrics", 0), 0, 0, 1_000L, 0, 0),
                new IllegalStateException("not written"));
        assertThat(registry.get("mm.e2e.latency").tag("output", "market-metrics").timer().count()).isEqualTo(2);
    }

    private double dlq(String reason) {
        return registry.get("mm.dlq.writes").tag("reason", reason).counter().count();
    }

    private static ProducerRecord<byte[], byte[]> deadLetter(String reason) {
        RecordHeaders headers = new RecordHeaders();
        if (reason != null) {
            headers.add("reason", reason.getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>("test.trades-dlq", null, null, new byte[0], new byte[0], headers);
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, new byte[0], new byte[0]);
    }
}
