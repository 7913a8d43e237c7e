package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --log-format json} and {@code --log-level}, on a logger context of the test's own. */
class LogSetupTest {
    @Test
    void jsonIsOneObjectPerLineOnStdoutAndTheLevelApplies() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setTarget("System.err");
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern("%msg%n");
        text.start();
        console.setEncoder(text);
        console.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(console);
        root.setLevel(Level.INFO);

        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LogSetup.apply(context, LogSetup.Format.json, LogSetup.LogLevel.warn);
            Logger log = context.getLogger(LogSetup.RUN_LOGGER);
            log.info("not shown at warn");
            log.warn("say {}\nthen more", "\"hi\"");
            log.error("second");
        } finally {
            System.setOut(original);
            context.stop();
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("level").asText()).isEqualTo("WARN");
        assertThat(first.get("loggerName").asText()).isEqualTo(LogSetup.RUN_LOGGER);
        assertThat(first.get("formattedMessage").asText()).isEqualTo("say \"hi\"\nthen more");
        assertThat(new ObjectMapper()
                        .readTree(lines.get(1))
                        .get("formattedMessage")
                        .asText())
                .isEqualTo("second");
    }
}
