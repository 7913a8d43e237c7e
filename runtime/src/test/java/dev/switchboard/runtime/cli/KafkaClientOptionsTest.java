package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --cluster}'s Kafka client options, from the command line, the environment and the
 * config file: a password in clear is refused where it would be seen or committed, and every
 * mistake is one line before anything starts (the store and Kafka here are unreachable on purpose).
 */
// a regression here would start the runtime and wait for Ctrl-C: fail instead of hanging the build
@Timeout(120)
class KafkaClientOptionsTest {
    private static final String DB = "jdbc:postgresql://127.0.0.1:1/switchboard?user=switchboard";
    private static final String CLEAR = "clear-text-pw-4711";

    @TempDir
    Path dir;

    @Test
    void aPasswordInClearOnTheCommandLineIsRefused() throws IOException {
        CliRun run = CliRun.of(cluster(
                "--kafka-security-protocol", "SASL_SSL",
                "--kafka-sasl-mechanism", "PLAIN",
                "--kafka-sasl-username", "switchboard",
                "--kafka-sasl-password", CLEAR));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly("error: --kafka-sasl-password takes a reference, not the password itself:"
                        + " {{secret:NAME}} (stored with: switchboard secrets set NAME) or {{env:NAME}}, or its"
                        + " variable SWITCHBOARD_KAFKA_SASL_PASSWORD (the command line is visible to every user of"
                        + " the machine, and the config file is often committed)");
        assertThat(run.out() + run.err()).doesNotContain(CLEAR);
    }

    @Test
    void aPasswordInClearInTheConfigFileIsRefusedAndSoIsASecretProperty() throws IOException {
        Path config = Files.writeString(dir.resolve("run.properties"), "kafka-ssl-keystore-password=" + CLEAR + "\n");
        CliRun run = CliRun.of(cluster("--config", config.toString()));
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("error: --kafka-ssl-keystore-password takes a reference, not the password itself");
        assertThat(run.out() + run.err()).doesNotContain(CLEAR);

        run = CliRun.of(cluster("--kafka-property", "ssl.key.password=" + CLEAR));
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("error: --kafka-property ssl.key.password takes a reference, not the password itself");
        assertThat(run.out() + run.err()).doesNotContain(CLEAR);
    }

    @Test
    void aPasswordInItsEnvironmentVariableMayBeInClear() throws IOException {
        // the password passes; what is missing next is the mechanism
        CliRun run = run(
                Map.of("SWITCHBOARD_KAFKA_SASL_PASSWORD", CLEAR),
                cluster("--kafka-security-protocol", "SASL_PLAINTEXT", "--kafka-sasl-username", "switchboard"));

        assertThat(run.errLines())
                .containsExactly("error: --kafka-sasl-username and --kafka-sasl-password need --kafka-sasl-mechanism"
                        + " PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512");
        assertThat(run.out() + run.err()).doesNotContain(CLEAR);
    }

    @Test
    void aKafkaPropertyFromTheConfigFileIsOneKeyValuePair() throws IOException {
        Path config = Files.writeString(dir.resolve("run.properties"), "kafka-property=security.protocol=SASL_TLS\n");

        CliRun run = CliRun.of(cluster("--config", config.toString()));

        assertThat(run.errLines())
                .containsExactly("error: Unknown security.protocol 'SASL_TLS': one of PLAINTEXT, SSL, SASL_PLAINTEXT,"
                        + " SASL_SSL");
    }

    @Test
    void aMissingKafkaClientFileIsOneLine() throws IOException {
        Path missing = dir.resolve("kafka.properties");

        CliRun run = CliRun.of(cluster("--kafka-config", missing.toString()));

        assertThat(run.errLines())
                .containsExactly("error: The Kafka client config file " + missing + " does not exist");
    }

    @Test
    void aKafkaClientFileMayHoldAPasswordInClearButIsWarnedAboutWhenOthersMayReadIt() throws IOException {
        Path file = Files.writeString(dir.resolve("kafka.properties"), "ssl.key.password=" + CLEAR + "\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        CliRun run = CliRun.of(cluster("--kafka-config", file.toString()));

        // accepted in clear: what stops the run is the missing TLS protocol
        assertThat(run.errLines())
                .containsExactly(
                        "Warning: the Kafka client config file " + file + " holds a password and is readable by"
                                + " every user (mode 0644); run: chmod 600 " + file
                                + " (or write the password as {{secret:NAME}}"
                                + " (stored with: switchboard secrets set NAME) or {{env:NAME}})",
                        "error: TLS settings (ssl.key.password) need --kafka-security-protocol SSL or SASL_SSL (it is"
                                + " PLAINTEXT)");
        assertThat(run.out() + run.err()).doesNotContain(CLEAR);
    }

    @Test
    void kafkaClientOptionsNeedClusterMode() throws IOException {
        CliRun.of(
                        "run",
                        "--port",
                        "0",
                        "--data",
                        dir.resolve("data").toString(),
                        "--kafka-sasl-mechanism",
                        "PLAIN",
                        validFlow().toString())
                .isFailure("--kafka-security-protocol, --kafka-sasl-*, --kafka-ssl-*, --kafka-config and"
                        + " --kafka-property are for the cluster's event log: give --cluster as well")
                .hasNoStackTrace();
    }

    /** {@code run --cluster} against unreachable servers with {@code more} options, then the flow. */
    private String[] cluster(String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--port",
                "0",
                "--admin-port",
                "0",
                "--data",
                dir.resolve("data").toString(),
                "--cluster",
                "--kafka",
                "127.0.0.1:1",
                "--db",
                DB));
        args.addAll(List.of(more));
        args.add(validFlow().toString());
        return args.toArray(String[]::new);
    }

    private static CliRun run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = SwitchboardCli.commandLine(false, environment);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    private Path validFlow() throws IOException {
        try (InputStream in = KafkaClientOptionsTest.class.getResourceAsStream("/roundtrip/everything.flow.json")) {
            assertThat(in).isNotNull();
            Path flow = dir.resolve("everything.flow.json");
            Files.write(flow, in.readAllBytes());
            return flow;
        }
    }
}
