package io.marketmetrics.producers.reference;

import io.marketmetrics.producers.kafka.AvroPublisher;
import io.marketmetrics.producers.kafka.PublishTarget;
import io.marketmetrics.schema.AssetReference;
import io.marketmetrics.schema.ExchangeReference;
import io.marketmetrics.schema.IndexDefinition;
import io.marketmetrics.topics.TopicNames;

/**
 * Publishes validated reference data to the compacted reference topics: assets keyed by symbol,
 * exchanges by id, index definitions by index symbol (INTERFACES.md, "Topics").
 */
public final class ReferencePublisher {

    private ReferencePublisher() {
    }

    /**
     * Publishes everything and waits until the broker acknowledged it.
     *
     * @return the number of records published
     * @throws io.marketmetrics.cli.UserError when Kafka or the registry is unreachable
     */
    public static long publish(ReferenceData data, PublishTarget target) {
        TopicNames topics = target.topics();
        try (AvroPublisher publisher = new AvroPublisher(target)) {
            for (AssetReference asset : data.assets()) {
                publisher.send(topics.assetReference(), asset.getSymbol(), asset);
            }
            for (ExchangeReference exchange : data.exchanges()) {
                publisher.send(topics.exchangeReference(), exchange.getId(), exchange);
            }
            for (IndexDefinition index : data.indexes()) {
                publisher.send(topics.indexDefinitions(), index.getSymbol(), index);
            }
            publisher.flush();
            return publisher.sent();
        }
    }
}
