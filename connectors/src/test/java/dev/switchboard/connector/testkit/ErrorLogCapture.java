package dev.switchboard.connector.testkit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Copies what is written to {@code System.err} (where the console appender of logback-test.xml logs) while it is open, so a
 * test can say which lines were logged at ERROR. Everything still reaches the real stream.
 */
public final class ErrorLogCapture implements AutoCloseable {
    private static final Pattern ERROR_LEVEL = Pattern.compile("\\bERROR\\b");

    private final PrintStream original;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private ErrorLogCapture() {
        original = System.err;
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (captured) {
                    captured.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (captured) {
                    captured.write(b, off, len);
                }
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    public static ErrorLogCapture start() {
        return new ErrorLogCapture();
    }

    public List<String> lines() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** Lines logged at ERROR, and stack trace lines (which follow an error or warning). */
    public List<String> errorLines() {
        return lines().stream()
                .filter(l -> ERROR_LEVEL.matcher(l).find() || l.startsWith("\tat "))
                .toList();
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
