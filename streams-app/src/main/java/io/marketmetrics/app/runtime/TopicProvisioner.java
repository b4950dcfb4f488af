package io.marketmetrics.app.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics of a {@link TopicLayout} that do not exist yet and checks the ones that do:
 * an existing topic is never altered, but every difference from the layout (partitions, cleanup
 * policy, timestamp type, retention) is reported, since it can lose data or break co-partitioning.
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;

    public TopicProvisioner(Admin admin) {
        this.admin = admin;
    }

    /** Provisions the layout on the cluster at {@code bootstrapServers} with an admin client of its own. */
    public static Report provision(String bootstrapServers, TopicLayout layout) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                // Give up within a bounded time, with a clear message, when Kafka is unreachable.
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)))) {
            return new TopicProvisioner(admin).provision(layout);
        }
    }

    /** What {@link #provision} did: the topics it created and the differences it found. */
    public record Report(List<String> created, List<String> warnings) {
    }

    public Report provision(TopicLayout layout) {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            List<NewTopic> present = new ArrayList<>();
            for (NewTopic topic : layout.topics()) {
                (existing.contains(topic.name()) ? present : missing).add(topic);
            }
            List<String> created = create(missing, present);
            List<String> warnings = checkOrExplain(present);
            warnings.forEach(w -> log.warn("Topic settings differ from the expected layout: {}", w));
            return new Report(created, warnings);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot provision topics: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cannot provision topics: Kafka did not answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while provisioning topics", e);
        }
    }

    /** Creates the topics; those that turn out to exist already are added to {@code present}. */
    private List<String> create(List<NewTopic> topics, List<NewTopic> present) throws InterruptedException, ExecutionException, TimeoutException {
        List<String> created = new ArrayList<>();
        Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
        for (NewTopic topic : topics) {
            try {
                results.get(topic.name()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                created.add(topic.name());
                log.info("Created topic {}", topic.name());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // Created meanwhile (another instance), or not yet in the metadata we listed.
                present.add(topic);
            }
        }
        return created;
    }

    private List<String> checkOrExplain(Collection<NewTopic> expected) throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return check(expected);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
            // Topics created an instant ago (by another instance) are not yet described by every broker.
            return new ArrayList<>(List.of("settings not checked, topics still being created: " + e.getCause().getMessage()));
        }
    }

    private List<String> check(Collection<NewTopic> expected) throws InterruptedException, ExecutionException, TimeoutException {
        List<String> warnings = new ArrayList<>();
        if (expected.isEmpty()) {
            return warnings;
        }
        List<String> names = expected.stream().map(NewTopic::name).toList();
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<ConfigResource> resources = names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (NewTopic topic : expected) {
            int partitions = descriptions.get(topic.name()).partitions().size();
            if (partitions != topic.numPartitions()) {
                warnings.add(topic.name() + ": " + partitions + " partitions, expected " + topic.numPartitions()
                        + " (topics joined by key must have equal partition counts)");
            }
            Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
            topic.configs().forEach((key, value) -> {
                ConfigEntry entry = actual.get(key);
                String found = entry == null ? null : entry.value();
                if (!value.equals(found)) {
                    warnings.add(topic.name() + ": " + key + "=" + found + ", expected " + value);
                }
            });
        }
        return warnings;
    }
}
