package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code switchboard run} on a port another program holds: one line naming it and the way out, exit 1. */
class RunCommandPortTest {
    static final String FLOW = """
            {"format": "switchboard/flow@1", "id": "hello", "nodes": [
              {"id": "hook", "type": "webhook", "config": {"path": "/hooks/hello"}},
              {"id": "say", "type": "log", "config": {}}
            ], "wires": [{"from": "hook", "to": "say"}]}
            """;

    @TempDir
    Path dir;

    @Test
    void aTakenPortEndsTheRunWithOneLineAndExitCode1() throws Exception {
        Path flow = Files.writeString(dir.resolve("hello.flow.json"), FLOW);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = SwitchboardCli.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));

            // guard only: a run that did not notice the taken port would stay up until stopped
            int exit = assertTimeoutPreemptively(
                    Duration.ofSeconds(90),
                    () -> cli.execute(
                            "run",
                            flow.toString(),
                            "--port",
                            Integer.toString(port),
                            "--data",
                            dir.resolve("data").toString()));

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().lines().toList())
                    .singleElement()
                    .isEqualTo(
                            "✗ Cannot listen for webhooks on 127.0.0.1:" + port
                                    + ": the port is already in use by another program. Stop that program or choose another port with --port.");
            assertThat(out.toString()).doesNotContain("Switchboard is running");
        }
    }

    @Test
    void aTakenAdminPortEndsTheRunWithOneLineAndExitCode1() throws Exception {
        Path flow = Files.writeString(dir.resolve("hello.flow.json"), FLOW);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = SwitchboardCli.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));

            int exit = assertTimeoutPreemptively(
                    Duration.ofSeconds(90),
                    () -> cli.execute(
                            "run",
                            flow.toString(),
                            "--port",
                            "0",
                            "--admin-port",
                            Integer.toString(port),
                            "--admin-token",
                            "t",
                            "--data",
                            dir.resolve("admin-data").toString()));

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().lines().toList())
                    .singleElement()
                    .isEqualTo(
                            "✗ Cannot listen for the admin API on 127.0.0.1:" + port
                                    + ": the port is already in use by another program. Stop that program or choose another port with --admin-port.");
            assertThat(out.toString()).doesNotContain("Switchboard is running");
        }
    }
}
