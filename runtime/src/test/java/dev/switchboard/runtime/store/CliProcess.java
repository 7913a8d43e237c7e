package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code switchboard …} in a JVM of its own, on this test's classpath, its output in a log file:
 * for what only a separate process shows (kill -9, SIGTERM, two runtimes on one store).
 */
record CliProcess(Process process, Path log) {

    /** Starts {@code switchboard args…}; {@code jvmOptions} go before the class name. */
    static CliProcess start(Path log, List<String> jvmOptions, String... args) throws IOException {
        return start(log, jvmOptions, Map.of(), args);
    }

    /** Starts {@code switchboard args…} with {@code environment} added to this JVM's. */
    static CliProcess start(Path log, List<String> jvmOptions, Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m"));
        command.addAll(jvmOptions);
        command.addAll(
                List.of("-cp", System.getProperty("java.class.path"), "dev.switchboard.runtime.cli.SwitchboardCli"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process =
                builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new CliProcess(process, log);
    }

    /** Waits until the output holds {@code text}; fails at once, with the output, if the process ends first. */
    CliProcess awaitOutput(String text) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            assertThat(process.isAlive())
                    .as("the process ended early: %s", output())
                    .isTrue();
            return output().contains(text);
        });
        return this;
    }

    String output() throws IOException {
        return Files.readString(log);
    }
}
