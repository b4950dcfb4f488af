package io.marketmetrics.producers.cli;

import io.marketmetrics.producers.Pacer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --speed}: a number of times real time > 0, or {@code max} for as fast as possible. */
final class SpeedConverter implements ITypeConverter<Double> {

    @Override
    public Double convert(String value) {
        if ("max".equalsIgnoreCase(value.trim())) {
            return Pacer.MAX;
        }
        try {
            double speed = Double.parseDouble(value.trim());
            if (speed > 0 && Double.isFinite(speed)) {
                return speed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TypeConversionException("expected a number > 0 or max, got '" + value + "'");
    }
}
