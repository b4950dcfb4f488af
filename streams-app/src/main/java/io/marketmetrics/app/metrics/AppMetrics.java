package io.marketmetrics.app.metrics;

import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.marketmetrics.app.query.ApiRoutes;
import io.marketmetrics.app.query.RequestListener;
import io.marketmetrics.producers.metrics.ProcessMeters;
import io.marketmetrics.topics.TopicNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The meters of one instance of the metrics application, served at {@code GET /metrics}: JVM and
 * process meters, every Kafka Streams and Kafka client metric (with the topology's own sensors) through
 * Micrometer's {@link KafkaStreamsMetrics}, the pipeline meters of {@link PipelineMeters}, and gauges
 * read from the local stores (watched assets, venue feed age). docs/OPERATIONS.md lists the names.
 * <p>Use: {@link #instrument} the Streams properties, {@link #attach} the running application.
 */
public final class AppMetrics implements AutoCloseable {

    private final ProcessMeters process = new ProcessMeters();
    private final MetricsSettings settings;
    private final PipelineMeters pipeline;
    private final AssetGauges assets;
    private final VenueGauges venues;
    private final HttpMeters http;
    // One daemon thread for the store gauges and the Kafka binder's search for new metrics.
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "metrics-refresh");
        t.setDaemon(true);
        return t;
    });
    private KafkaStreamsMetrics streamsMetrics;

    public AppMetrics(TopicNames topics, MetricsSettings settings) {
        this.settings = settings;
        MeterRegistry registry = process.registry();
        this.pipeline = new PipelineMeters(topics, registry);
        this.assets = new AssetGauges(registry, new WatchList(settings.watchedAssets(), settings.topAssets(), settings.maxWatched()));
        this.venues = new VenueGauges(registry, settings.maxVenues(), System::currentTimeMillis);
        this.http = new HttpMeters(registry);
    }

    public MeterRegistry registry() {
        return process.registry();
    }

    /** {@code GET /metrics} in the Prometheus text format. */
    public ApiRoutes routes() {
        return routes -> routes.get("/metrics", ctx -> ctx.contentType(ProcessMeters.CONTENT_TYPE).result(process.scrape()));
    }

    /** Times every HTTP API request ({@link HttpMeters}). */
    public RequestListener httpRequests() {
        return http;
    }

    /**
     * Adds the interceptors that feed the pipeline meters to Kafka Streams properties (after any
     * interceptors already configured) and returns them.
     */
    public Properties instrument(Properties streams) {
        addInterceptor(streams, StreamsConfig.mainConsumerPrefix(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG), TradeInputInterceptor.class);
        streams.put(StreamsConfig.mainConsumerPrefix(PipelineMeters.CONFIG), pipeline);
        addInterceptor(streams, StreamsConfig.producerPrefix(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG), OutputInterceptor.class);
        streams.put(StreamsConfig.producerPrefix(PipelineMeters.CONFIG), pipeline);
        return streams;
    }

    private static void addInterceptor(Properties properties, String key, Class<?> interceptor) {
        Object existing = properties.get(key);
        String value = existing == null || existing.toString().isBlank() ? interceptor.getName() : existing + "," + interceptor.getName();
        properties.put(key, value);
    }

    /** Binds the application's Kafka metrics and starts reading the stores for the gauges. */
    public synchronized void attach(KafkaStreams streams, String assetStore, String marketStore) {
        if (streamsMetrics != null) {
            throw new IllegalStateException("already attached");
        }
        streamsMetrics = new KafkaStreamsMetrics(streams, Tags.empty(), scheduler, settings.refresh());
        streamsMetrics.bindTo(process.registry());
        long period = settings.refresh().toMillis();
        scheduler.scheduleAtFixedRate(new StoreGauges(streams, assetStore, marketStore, assets, venues), period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        scheduler.shutdownNow();
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        process.close();
    }
}
