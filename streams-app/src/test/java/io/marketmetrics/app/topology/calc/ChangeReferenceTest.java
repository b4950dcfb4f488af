package io.marketmetrics.app.topology.calc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeReferenceTest {

    private final TreeBucketSource minutes = new TreeBucketSource();
    private final TreeBucketSource hours = new TreeBucketSource();
    private final HourlyCloses closes = new HourlyCloses(168);

    private void evaluation(long minute, double price) {
        minutes.put(minute, minutes.get(minute).withPrice(minute * 60_000, price));
        long hour = TimeBuckets.hourOfMinute(minute);
        hours.put(hour, hours.get(hour).withPrice(minute * 60_000, price));
        closes.record(hour, price);
    }

    @Test
    void findsTheLatestEvaluatedMinuteAtOrBeforeTheBoundary() {
        evaluation(6000, 1.0);   // hour 100
        evaluation(6130, 2.0);   // hour 102, minute 10
        evaluation(6135, 3.0);   // hour 102, minute 15
        evaluation(6300, 4.0);   // hour 105
        // In the boundary's own hour.
        assertThat(ChangeReference.priceAtEndOf(6134, minutes, hours, closes)).isEqualTo(2.0);
        assertThat(ChangeReference.priceAtEndOf(6135, minutes, hours, closes)).isEqualTo(3.0);
        // From an earlier hour's close.
        assertThat(ChangeReference.priceAtEndOf(6129, minutes, hours, closes)).isEqualTo(1.0);
        assertThat(ChangeReference.priceAtEndOf(6299, minutes, hours, closes)).isEqualTo(3.0);
        // Before any evaluation.
        assertThat(ChangeReference.priceAtEndOf(5999, minutes, hours, closes)).isNaN();
    }

    @Test
    void olderThanTheSparklineComesFromThePriceCarriedBeforeIt() {
        evaluation(60, 7.0);              // hour 1
        closes.advanceTo(300);            // sparkline hours 133..300; the hour buckets are gone from the store
        hours.buckets.clear();
        minutes.buckets.clear();
        assertThat(ChangeReference.priceAtEndOf(TimeBuckets.firstMinuteOfHour(200), minutes, hours, closes)).isEqualTo(7.0);
    }

    @Test
    void aStepTakesTheNewestPricedBucketItPassesOrKeepsTheReference() {
        evaluation(6130, 2.0);
        evaluation(6131, 3.0);
        minutes.put(6132, minutes.get(6132).withVolume(1.0, 1.0, 1.0)); // traded, not evaluated: no price
        assertThat(ChangeReference.stepTo(9.0, 6129, 6133, minutes)).isEqualTo(3.0);
        assertThat(ChangeReference.stepTo(9.0, 6129, 6130, minutes)).isEqualTo(2.0);
        assertThat(ChangeReference.stepTo(9.0, 6131, 6140, minutes)).isEqualTo(9.0); // (6131, 6140] has no price
        assertThat(ChangeReference.stepTo(9.0, 6131, 6131, minutes)).isEqualTo(9.0); // no move
    }
}
