package io.marketmetrics.app.topology.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RollingWindowTest {

    private static final int DAY = 1440;

    private record Trade(long minute, double price, double quantity, double usd) {
    }

    private final TreeBucketSource minutes = new TreeBucketSource();
    private final TreeBucketSource hours = new TreeBucketSource();
    private RollingWindow window = new RollingWindow(DAY);
    private final List<Trade> trades = new ArrayList<>();

    private void trade(long minute, double price, double quantity, double usd) {
        trades.add(new Trade(minute, price, quantity, usd));
        Bucket before = minutes.get(minute);
        Bucket after = before.withPrice(minute * 60_000, price).withVolume(quantity, price * quantity, usd);
        minutes.put(minute, after);
        long hour = TimeBuckets.hourOfMinute(minute);
        hours.put(hour, hours.get(hour).withPrice(minute * 60_000, price).withVolume(quantity, price * quantity, usd));
        window.onBucketChange(minute, before, after);
    }

    @Test
    void aWeekOfRandomMinutesMatchesABruteForceSumAtEveryCheck() {
        randomWeekMatchesBruteForce(new Random(42), 9, false, 4);
    }

    /** A third of the minutes with trades: the window's new oldest bucket is now and then beyond the point reads. */
    @Test
    void aWeekOfPatchyMinutesMatchesABruteForceSumAtEveryCheck() {
        randomWeekMatchesBruteForce(new Random(45), 4, false, 4);
    }

    /** Most minutes empty: a window this sparse reads ranges only. */
    @Test
    void aWeekOfSparseMinutesMatchesABruteForceSumAtEveryCheck() {
        randomWeekMatchesBruteForce(new Random(43), 1, false, 4);
    }

    /** As a window read from a summary stored before it kept its oldest bucket: the bucket is read when it leaves. */
    @Test
    void aWindowThatDoesNotKnowItsOldestBucketReadsIt() {
        randomWeekMatchesBruteForce(new Random(44), 9, true, 4);
    }

    /**
     * An hour's window and trades up to the whole window late: they change buckets the window has read ahead, which it
     * then reads again.
     */
    @Test
    void lateTradesAnywhereInAnHourMatchABruteForceSum() {
        window = new RollingWindow(60);
        randomWeekMatchesBruteForce(new Random(46), 9, false, 59);
    }

    /**
     * A week of minutes of which about {@code tradingOf12} in 12 have trades, now and then a gap, checked every 37 steps;
     * with {@code forget}, the window forgets its oldest bucket before each step. One trade in five is up to
     * {@code maxLate} minutes late.
     */
    private void randomWeekMatchesBruteForce(Random random, int tradingOf12, boolean forget, int maxLate) {
        long start = 28_000_000L; // a minute in 2023
        long minute = start;
        int checks = 0;
        for (int step = 0; step < 7 * DAY; step++) {
            if (random.nextInt(2000) == 0) {
                minute += 60 + random.nextInt(2 * DAY); // an idle gap
            } else {
                minute += random.nextInt(50) == 0 ? 2 + random.nextInt(2 * RollingWindow.MAX_POINT_READS) : 1;
            }
            if (forget) {
                window.restoreOldestBucket(null);
            }
            window.advanceTo(minute, minutes, hours);
            int n = random.nextInt(12) < tradingOf12 ? 1 + random.nextInt(3) : 0;
            for (int i = 0; i < n; i++) {
                long m = minute - (random.nextInt(5) == 0 ? random.nextInt(maxLate + 1) : 0); // out of order
                double price = Math.exp(random.nextGaussian() * 3); // prices over many magnitudes
                double quantity = Math.pow(10, random.nextInt(12) - 6) * random.nextDouble();
                trade(m, price, quantity, random.nextInt(10) == 0 ? 0.0 : price * quantity * 1.0001);
            }
            if (step % 37 == 0) {
                assertMatchesBruteForce(minute);
                checks++;
            }
        }
        assertMatchesBruteForce(minute);
        assertThat(checks).isGreaterThan(200);
    }

    @Test
    void aWindowWithoutTradesFor24HoursIsExactlyEmpty() {
        trade(1000, 3.0, 1e9, 3e9);
        trade(1001, 0.1, 1e-9, 1e-10);
        assertThat(window.advanceTo(1000 + DAY, minutes, hours)).isTrue();
        assertThat(window.volumeUsd()).isEqualTo(1e-10);
        assertThat(window.extremes().high()).isEqualTo(0.1);
        assertThat(window.advanceTo(1001 + DAY, minutes, hours)).isTrue();
        assertThat(window.volumeBase()).isZero();
        assertThat(window.volumeQuote()).isZero();
        assertThat(window.volumeUsd()).isZero();
        assertThat(window.tradeCount()).isZero();
        assertThat(window.extremes().isEmpty()).isTrue();
        assertThat(window.expiryMinute()).isEqualTo(RollingWindow.NONE);
        assertThat(window.advanceTo(5000 + DAY, minutes, hours)).isFalse();
    }

    @Test
    void theExpiryIsWhenTheOldestBucketLeaves() {
        assertThat(window.expiryMinute()).isEqualTo(RollingWindow.NONE);
        trade(500, 1, 1, 1);
        assertThat(window.expiryMinute()).isEqualTo(500 + DAY);
        trade(600, 1, 1, 1);
        assertThat(window.expiryMinute()).isEqualTo(500 + DAY);
        assertThat(window.advanceTo(499 + DAY, minutes, hours)).isFalse();
        assertThat(window.advanceTo(500 + DAY, minutes, hours)).isTrue();
        assertThat(window.expiryMinute()).isEqualTo(600 + DAY);
        assertThat(window.tradeCount()).isEqualTo(1);
    }

    private void assertMatchesBruteForce(long end) {
        long first = end - window.length() + 1;
        BigDecimal base = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;
        BigDecimal usd = BigDecimal.ZERO;
        long count = 0;
        double high = Double.NaN;
        double low = Double.NaN;
        long oldest = Long.MAX_VALUE;
        for (Trade t : trades) {
            if (t.minute >= first && t.minute <= end) {
                base = base.add(new BigDecimal(t.quantity));
                quote = quote.add(new BigDecimal(t.price).multiply(new BigDecimal(t.quantity)));
                usd = usd.add(new BigDecimal(t.usd));
                count++;
                high = Double.isNaN(high) ? t.price : Math.max(high, t.price);
                low = Double.isNaN(low) ? t.price : Math.min(low, t.price);
                oldest = Math.min(oldest, t.minute);
            }
        }
        assertThat(window.end()).isEqualTo(end);
        assertThat(window.tradeCount()).isEqualTo(count);
        assertClose(window.volumeBase(), base);
        assertClose(window.volumeQuote(), quote);
        assertClose(window.volumeUsd(), usd);
        if (count == 0) {
            assertThat(window.extremes().isEmpty()).isTrue();
            assertThat(window.expiryMinute()).isEqualTo(RollingWindow.NONE);
        } else {
            assertThat(window.extremes().high()).isEqualTo(high);
            assertThat(window.extremes().low()).isEqualTo(low);
            assertThat(window.expiryMinute()).isEqualTo(oldest + window.length());
        }
    }

    private static void assertClose(double actual, BigDecimal exact) {
        double expected = exact.doubleValue();
        if (expected == 0) {
            assertThat(actual).isZero();
        } else {
            assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
        }
    }
}
