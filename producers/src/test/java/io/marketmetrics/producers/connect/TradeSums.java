package io.marketmetrics.producers.connect;

import io.marketmetrics.schema.Trade;
import java.math.BigDecimal;
import java.util.List;

/**
 * Exact decimal sums of published trades. {@link BigDecimal#valueOf(double)} gives the shortest
 * decimal of a double, which is the venue's decimal text itself when the double was parsed exactly
 * from it (up to 15 significant digits), so these sums equal exact sums of the venue's strings.
 */
final class TradeSums {

    private TradeSums() {
    }

    static BigDecimal quantity(List<Trade> trades) {
        return trades.stream().map(t -> BigDecimal.valueOf(t.getQuantity())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal notional(List<Trade> trades) {
        return trades.stream().map(t -> BigDecimal.valueOf(t.getPrice()).multiply(BigDecimal.valueOf(t.getQuantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
