package io.marketmetrics.app.topology.asset;

import io.marketmetrics.app.topology.calc.Bucket;
import org.apache.kafka.common.serialization.Serde;

/** The serde of {@link Bucket}: 80 bytes of fixed-width fields. */
public final class BucketSerde {

    private BucketSerde() {
    }

    public static Serde<Bucket> create() {
        return Codec.serde((out, b) -> out.writeLong(b.openTime()).writeDouble(b.open()).writeLong(b.closeTime())
                        .writeDouble(b.close()).writeDouble(b.high()).writeDouble(b.low()).writeDouble(b.volumeBase())
                        .writeDouble(b.volumeQuote()).writeDouble(b.volumeUsd()).writeLong(b.tradeCount()),
                in -> new Bucket(in.readLong(), in.readDouble(), in.readLong(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readLong()));
    }
}
