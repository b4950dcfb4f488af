package io.marketmetrics.app.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import io.marketmetrics.app.metrics.AppMetrics;
import io.marketmetrics.app.metrics.MetricsSettings;
import io.marketmetrics.app.query.LocalInstance;
import io.marketmetrics.app.query.QueryApi;
import io.marketmetrics.app.query.QueryStores;
import io.marketmetrics.app.query.UpdateFeed;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance of the metrics application: its topics checked, its HTTP API serving, and
 * its {@link KafkaStreams} running the topology. Never wipes local state on start
 * ({@code cleanUp()}): a restart resumes from the stores on disk instead of restoring them all.
 */
public final class MetricsService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MetricsService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);
    // A thread that keeps dying is a bug, not a transient failure: see ThreadReplacingHandler.
    private static final int MAX_THREAD_REPLACEMENTS = 5;
    private static final Duration REPLACEMENT_WINDOW = Duration.ofMinutes(10);

    private final QueryApi api;
    private final KafkaStreams streams;
    private final HostInfo advertised;
    private final AppMetrics metrics;
    private final RestoreProgress restores;
    private boolean closed;

    private MetricsService(QueryApi api, KafkaStreams streams, HostInfo advertised, AppMetrics metrics, RestoreProgress restores) {
        this.api = api;
        this.streams = streams;
        this.advertised = advertised;
        this.metrics = metrics;
        this.restores = restores;
    }

    /** {@link #start(AppSettings, AppTopology, MetricsSettings)} with the default metrics settings. */
    public static MetricsService start(AppSettings settings, AppTopology app) {
        return start(settings, app, MetricsSettings.defaults());
    }

    /** Creates missing topics (and checks existing ones), starts the HTTP API, then the application. */
    public static MetricsService start(AppSettings settings, AppTopology app, MetricsSettings metricsSettings) {
        TopicProvisioner.provision(settings.bootstrapServers(), new TopicLayout(settings.topics(), settings.partitions()));
        AppMetrics metrics = new AppMetrics(settings.topics(), metricsSettings);
        LocalInstance instance = new LocalInstance();
        QueryApi api = QueryApi.start(settings.httpHost(), settings.httpPort(), instance, app.topology(),
                QueryStores.withFigures(app.assetStore(), app.marketStore()),
                new UpdateFeed.Source(settings.bootstrapServers(), settings.schemaRegistryUrl(), settings.topics()),
                List.of(metrics.routes()), metrics.httpRequests());
        try {
            HostInfo advertised = settings.advertisedServer() != null
                    ? settings.advertisedServer()
                    : new HostInfo(reachableHost(settings.httpHost()), api.port());
            KafkaStreams streams = new KafkaStreams(app.topology(), metrics.instrument(StreamsProperties.of(settings, app.properties(), advertised)));
            streams.setUncaughtExceptionHandler(new ThreadReplacingHandler(MAX_THREAD_REPLACEMENTS, REPLACEMENT_WINDOW, System::currentTimeMillis));
            RestoreProgress restores = new RestoreProgress();
            streams.setGlobalStateRestoreListener(restores);
            instance.attach(streams, advertised, (now, before) -> log.info("Metrics application {} -> {}", before, now));
            metrics.attach(streams, app.assetStore(), app.marketStore());
            streams.start();
            return new MetricsService(api, streams, advertised, metrics, restores);
        } catch (RuntimeException e) {
            api.close();
            metrics.close();
            throw e;
        }
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** The port the HTTP API listens on. */
    public int httpPort() {
        return api.port();
    }

    /** What this instance replayed from changelogs since it started. */
    public RestoreProgress restores() {
        return restores;
    }

    /** The address other instances reach this one at. */
    public HostInfo advertised() {
        return advertised;
    }

    /** True once the application stopped for good (fatal error or closed). */
    public boolean failed() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR;
    }

    /** Stops serving, then closes the application (commits, flushes stores, leaves the group). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        api.close();
        // Leave the group so that other instances take over the partitions at once instead of
        // after the session timeout.
        boolean done = streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
        if (!done) {
            log.warn("Metrics application did not close within {} s", CLOSE_TIMEOUT.toSeconds());
        }
        metrics.close();
    }

    private static String reachableHost(String bindHost) {
        if (!"0.0.0.0".equals(bindHost) && !"::".equals(bindHost)) {
            return bindHost;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Cannot tell other instances how to reach this one: set --application-server", e);
        }
    }
}
