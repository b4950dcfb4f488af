package io.marketmetrics.app.topology.market;

import io.marketmetrics.schema.IndexDefinition;

/** A record of {@code index-definitions} on its way to the market-wide stage: a basket, or null for a deleted index. */
record BasketChange(IndexDefinition basket) {
}
