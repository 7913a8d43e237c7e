package dev.switchboard.connector.spi.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses sizes as people type them: {@code 10MB}, {@code 512KB}, {@code 1048576} (bytes). Units are
 * binary, as the HTTP world counts them: 1KB = 1024 bytes, 1MB = 1024 KB, 1GB = 1024 MB.
 */
public final class ByteSizes {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(b|kb|mb|gb)?");

    private ByteSizes() {}

    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a size: use e.g. 512KB, 10MB or a number of bytes");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit) {
            case "kb" -> n * 1024;
            case "mb" -> n * 1024 * 1024;
            case "gb" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }

    /** A size the way {@link #parse} reads it back, in the largest unit that divides it. */
    public static String format(long bytes) {
        if (bytes > 0 && bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + "GB";
        }
        if (bytes > 0 && bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + "MB";
        }
        if (bytes > 0 && bytes % 1024 == 0) {
            return bytes / 1024 + "KB";
        }
        return bytes + "B";
    }
}
