package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.capture;
import static dev.switchboard.runtime.e2e.Flows.flow;
import static dev.switchboard.runtime.e2e.Flows.inject;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.FileSandbox;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.engine.RunRecord.RunStatus;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.model.Wire;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWriteFlowTest {
    @TempDir
    static Path temp;

    static Path data;
    static Engine engine;
    static final List<RunRecord> runs = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        data = temp.resolve("data");
        engine = Flows.engine(data);
        engine.addRunListener(runs::add);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static List<RunRecord> runsOf(String flowId) {
        return runs.stream().filter(r -> r.flowId().equals(flowId)).toList();
    }

    @Test
    void writesJsonLinesIntoTheDataFolderCreatingFolders() throws Exception {
        engine.deploy(flow(
                "orders-log",
                List.of(
                        inject("in", "orders-log"),
                        node("write", "file.write", "path", "out/{{data.day}}/orders.jsonl", "format", "jsonl"),
                        capture("after", "orders-log")),
                List.of(Wire.of("in", "write"), Wire.of("write", "after"))));

        InjectConnector.send(
                engine.camel(), "orders-log", "{\"day\": \"2026-11-28\", \"id\": 1, \"note\": \"two\\nlines\"}");
        InjectConnector.send(engine.camel(), "orders-log", "{\"day\": \"2026-11-28\", \"id\": 2}");

        List<String> lines = Files.readAllLines(data.resolve("out/2026-11-28/orders.jsonl"));
        assertThat(lines).hasSize(2);
        assertThat(Json.parse(lines.get(0)))
                .isEqualTo(Json.parse("{\"day\": \"2026-11-28\", \"id\": 1, \"note\": \"two\\nlines\"}"));
        assertThat(Json.parse(lines.get(1)).get("id").asInt()).isEqualTo(2);
        assertThat(CaptureConnector.events("orders-log")).hasSize(2);
    }

    @Test
    void writesWholeCloudEventsOrCsvRows() throws Exception {
        engine.deploy(flow(
                "formats",
                List.of(
                        inject("in", "formats"),
                        node("events", "file.write", "path", "events.jsonl", "content", "event"),
                        node(
                                "rows",
                                "file.write",
                                "path",
                                "rows.csv",
                                "format",
                                "csv",
                                "columns",
                                ConfigValue.object("id", "{{data.id}}", "email", "{{data.email | lower}}")),
                        capture("after", "formats")),
                List.of(Wire.of("in", "events"), Wire.of("events", "rows"), Wire.of("rows", "after"))));

        InjectConnector.send(engine.camel(), "formats", "{\"id\": 1, \"email\": \"A@B.C\"}");
        InjectConnector.send(engine.camel(), "formats", "{\"id\": 2, \"email\": \"x,y@z\"}");

        Event first = CaptureConnector.events("formats").get(0);
        List<String> events = Files.readAllLines(data.resolve("events.jsonl"));
        assertThat(Json.fromCloudEvent(Json.parse(events.get(0))).id()).isEqualTo(first.id());
        assertThat(Files.readAllLines(data.resolve("rows.csv"))).containsExactly("id,email", "1,a@b.c", "2,\"x,y@z\"");
    }

    @Test
    void pathsRenderedFromEventDataCannotLeaveTheDataFolder() throws Exception {
        engine.deploy(flow(
                "per-customer",
                List.of(
                        inject("in", "per-customer"),
                        node("write", "file.write", "path", "customers/{{data.name}}.jsonl"),
                        capture("after", "per-customer")),
                List.of(Wire.of("in", "write"), Wire.of("write", "after"))));

        for (String name : List.of("../../escaped", "../../../../../../tmp/escaped")) {
            assertThatThrownBy(
                            () -> InjectConnector.send(engine.camel(), "per-customer", "{\"name\": \"" + name + "\"}"))
                    .hasRootCauseInstanceOf(FileSandbox.SandboxViolationException.class)
                    .rootCause()
                    .hasMessageContaining("leads outside the data folder");
        }
        InjectConnector.send(engine.camel(), "per-customer", "{\"name\": \"ada\"}");

        assertThat(Files.readAllLines(data.resolve("customers/ada.jsonl"))).hasSize(1);
        try (Stream<Path> all = Files.walk(temp)) {
            assertThat(all.filter(Files::isRegularFile))
                    .as("nothing written outside the data folder")
                    .allSatisfy(file -> assertThat(file).startsWith(data));
        }
        assertThat(CaptureConnector.events("per-customer")).hasSize(1);
        await().until(() -> runsOf("per-customer").size() == 3);
        assertThat(runsOf("per-customer"))
                .extracting(RunRecord::status)
                .containsExactly(RunStatus.FAILED, RunStatus.FAILED, RunStatus.SUCCESS);
        assertThat(runsOf("per-customer").get(0).error())
                .contains("SandboxViolationException", "leads outside the data folder");
    }

    @Test
    void aFixedPathOutsideTheDataFolderIsRefusedAtDeploy() {
        for (String path : List.of("/etc/passwd", "../x.jsonl")) {
            assertThatThrownBy(() -> engine.deploy(flow(
                            "bad-path",
                            List.of(inject("in", "bad-path"), node("write", "file.write", "path", path)),
                            List.of(Wire.of("in", "write")))))
                    .isInstanceOf(FlowCompileException.class)
                    .hasMessageContaining("config/path");
        }
    }
}
