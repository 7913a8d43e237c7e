package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.runtime.cli.SwitchboardCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code switchboard run --history summary}, as an operator starts it: runs and paths kept, no data. */
class RunHistoryLevelProcessTest {
    private static final Pattern WEBHOOKS = Pattern.compile("webhooks: (http://\\S+)");

    @TempDir
    Path dir;

    CliProcess runtime;

    @AfterEach
    void stop() throws Exception {
        if (runtime != null && runtime.process().isAlive()) {
            runtime.process().destroyForcibly().waitFor();
        }
    }

    @Test
    void theRuntimesLevelKeepsTheRunAndItsPathWithoutData() throws Exception {
        Path flow = Files.writeString(dir.resolve("hello.flow.json"), """
                { "format": "switchboard/flow@1", "id": "hello",
                  "nodes": [
                    { "id": "in", "type": "webhook", "config": { "path": "/hooks/hello" } },
                    { "id": "say", "type": "log", "config": { "message": "hello" } }
                  ],
                  "wires": [ { "from": "in", "to": "say" } ] }
                """);
        Path data = dir.resolve("data");
        runtime = CliProcess.start(
                        dir.resolve("run.log"),
                        List.of(),
                        "run",
                        flow.toString(),
                        "--data",
                        data.toString(),
                        "--port",
                        "0",
                        "--admin-port",
                        "0",
                        "--history",
                        "summary")
                .awaitOutput("Press Ctrl-C to stop");
        assertThat(runtime.output()).contains("(run history: summary unless a flow's settings.history says)");
        Matcher m = WEBHOOKS.matcher(runtime.output());
        assertThat(m.find()).as(runtime.output()).isTrue();
        HttpResponse<String> accepted = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(m.group(1) + "/hooks/hello"))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"greeting\": \"kept nowhere\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.output().contains("success"));
        runtime.process().destroy(); // SIGTERM: a graceful stop flushes run history
        assertThat(runtime.process().waitFor()).isZero();

        String shown = cli("runs", "show", eventId(accepted.body()), "--data", data.toString());
        assertThat(shown)
                .contains("status=success")
                .contains("input and output (data not kept: history level summary)")
                .contains(" in -> out")
                .contains(" say -> ")
                .doesNotContain("kept nowhere");
    }

    private static String eventId(String answer) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(answer);
        assertThat(m.find()).as(answer).isTrue();
        return m.group(1);
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = SwitchboardCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        assertThat(cli.execute(args)).as("%s", out).isZero();
        return out.toString();
    }
}
