package dev.switchboard.runtime.cli;

import dev.switchboard.connector.spi.config.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Lets options take 10s, 500ms or PT10S. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return Durations.parse(value);
    }
}
