package dev.switchboard.runtime.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Iterator;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * {@code run --log-format / --log-level}: adjusts the logback configuration ({@code logback.xml})
 * once, at start-up. {@code json} gives the console appender logback's {@link JsonEncoder} — one
 * JSON object per line — and moves it to stdout, where {@code run} then sends its own lines too, so
 * stdout is JSON lines only.
 */
final class LogSetup {
    /** The logger {@code run}'s own lines (banner, one per event) go through with {@code --log-format json}. */
    static final String RUN_LOGGER = "switchboard.run";

    enum Format {
        text,
        json
    }

    enum LogLevel {
        error,
        warn,
        info,
        debug,
        trace
    }

    private LogSetup() {}

    /** Applies to the running logback; does nothing when slf4j is bound to another backend. */
    static void apply(Format format, LogLevel level) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            apply(context, format, level);
        }
    }

    static void apply(LoggerContext context, Format format, LogLevel level) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (level != null) {
            root.setLevel(Level.toLevel(level.name().toUpperCase(Locale.ROOT)));
        }
        if (format == Format.json) {
            for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof ConsoleAppender<ILoggingEvent> console) {
                    console.stop();
                    JsonEncoder encoder = new JsonEncoder();
                    encoder.setContext(context);
                    // the message as read ("webhooks on http://127.0.0.1:8787"), not its pattern and arguments
                    encoder.setWithFormattedMessage(true);
                    encoder.setWithMessage(false);
                    encoder.setWithArguments(false);
                    encoder.setWithContext(false);
                    encoder.setWithSequenceNumber(false);
                    encoder.setWithNanoseconds(false);
                    encoder.start();
                    console.setEncoder(encoder);
                    console.setTarget("System.out");
                    console.start();
                }
            }
        }
    }
}
