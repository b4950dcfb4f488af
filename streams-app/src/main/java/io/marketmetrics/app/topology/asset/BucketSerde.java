package io.marketmetrics.app.topology.asset;

import io.marketmetrics.app.topology.calc.Bucket;
import org.apache.kafka.common.serialization.Serde;

/** The serde of {@link Bucket}: 80 bytes of fixed-width fields. */
public final class BucketSerde {

    private BucketSerde() {
    }

    public static Serde<Bucket> create() {
        return Codec.serde(Codec.Out::writeBucket, Codec.In::readBucket);
    }
}
