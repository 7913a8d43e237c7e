package dev.switchboard.runtime.cli;

import dev.switchboard.runtime.model.HistoryLevel;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values checked while the command line is parsed, so a value out of range is a usage
 * error (exit 2, one line naming the option) before any work starts. picocli puts
 * "Invalid value for option '--x':" in front of each message.
 */
final class OptionConverters {
    private OptionConverters() {}

    /** A webhook port: 1–65535, or 0 for a free one. */
    static final class PortOrFree implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int port = parseInt(value, "a port");
            if (port < 0 || port > 65535) {
                throw new TypeConversionException(port + " is not a port: use 1 to 65535, or 0 for a free one");
            }
            return port;
        }
    }

    /** A fixed listening port: 1–65535 (a broker a client must find cannot take a random one). */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int port = parseInt(value, "a port");
            if (port < 1 || port > 65535) {
                throw new TypeConversionException(port + " is not a port: use 1 to 65535");
            }
            return port;
        }
    }

    /** A run history level: full, errors, summary or off. */
    static final class History implements ITypeConverter<HistoryLevel> {
        @Override
        public HistoryLevel convert(String value) {
            return HistoryLevel.parse(value)
                    .orElseThrow(() -> new TypeConversionException(
                            "'" + value + "' is not a history level: use " + String.join(", ", HistoryLevel.ids())));
        }
    }

    /** A count that must be at least 1 (a limit of 0 or less would silently show nothing). */
    static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = parseInt(value, "a number");
            if (n < 1) {
                throw new TypeConversionException(n + " is not a positive number: use 1 or more");
            }
            return n;
        }
    }

    /** Like {@link PositiveInt}, for counts that may exceed an int. */
    static final class PositiveLong implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long n;
            try {
                n = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number");
            }
            if (n < 1) {
                throw new TypeConversionException(n + " is not a positive number: use 1 or more");
            }
            return n;
        }
    }

    /** An instant such as 2026-11-28T10:00:00Z; picocli's own message would name the Java exception. */
    static final class IsoInstant implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException(
                        "'" + value + "' is not an ISO-8601 instant such as 2026-11-28T10:00:00Z");
            }
        }
    }

    private static int parseInt(String value, String what) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not " + what);
        }
    }
}
