package dev.switchboard.runtime.cli;

import dev.switchboard.connector.spi.config.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Lets options take 10s, 500ms or PT10S; anything else, or a negative duration, is a usage error. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        Duration duration;
        try {
            duration = Durations.parse(value);
        } catch (IllegalArgumentException e) {
            // picocli would otherwise show the exception's class name in front of this message
            throw new TypeConversionException(e.getMessage());
        }
        if (duration.isNegative()) {
            throw new TypeConversionException("'" + value + "' is negative: use e.g. 250ms, 5s, 2m, 1h or PT5S");
        }
        return duration;
    }
}
