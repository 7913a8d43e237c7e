package dev.switchboard.runtime.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.model.Flow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowLoaderTest {
    @TempDir
    Path dir;

    @Test
    void loadReturnsOnlyValidFlowsAndEveryErrorAsFilePointerMessage() throws IOException {
        copy("/roundtrip/everything.flow.json", "a.flow.json");
        Path bad = copy("/broken/wire-into-trigger.flow.json", "b.flow.json");
        Path warned = copy("/broken/nothing-wired-in.flow.json", "c.flow.json");
        Files.writeString(warned, Files.readString(warned).replace("\"id\": \"broken\"", "\"id\": \"warned\""));

        FlowLoader.Loaded loaded = FlowLoader.load(List.of(dir), ConnectorCatalog.load());

        assertThat(loaded.files()).hasSize(3);
        assertThat(loaded.flows()).extracting(Flow::id).containsExactly("kitchen-sink", "warned");
        assertThat(loaded.problems())
                .containsExactly(bad + ": /wires/2/to: The wire leads into 'in', a trigger "
                        + "(test.inject): triggers start a flow and take no input");
        assertThat(loaded.warnings())
                .containsExactly(warned + ": /nodes/3: warning: Nothing is wired into 'lonely', "
                        + "so it never receives events");
    }

    @Test
    void flowIdUsedByTwoFilesIsAProblem() throws IOException {
        Path first = copy("/roundtrip/minimal.flow.json", "one.flow.json");
        Path second = copy("/roundtrip/minimal.flow.json", "two.flow.json");

        FlowLoader.Loaded loaded = FlowLoader.load(List.of(first, second), ConnectorCatalog.load());

        assertThat(loaded.problems())
                .containsExactly(second + ": /id: Flow id 'minimal' is already used by " + first
                        + "; flows run together need distinct ids");
    }

    @Test
    void webhookPathServedByTwoFilesKeepsTheRunFromStartingNamingBothFiles() throws IOException {
        String flow = """
                {"format": "switchboard/flow@1", "id": "%s", "nodes": [
                  {"id": "hook", "type": "webhook", "config": {"path": "/hooks/same"}},
                  {"id": "log", "type": "log"}
                ], "wires": [{"from": "hook", "to": "log"}]}
                """;
        Path first = Files.writeString(dir.resolve("a.flow.json"), flow.formatted("dup-a"));
        Path second = Files.writeString(dir.resolve("b.flow.json"), flow.formatted("dup-b"));

        FlowLoader.Loaded loaded = FlowLoader.load(List.of(dir), ConnectorCatalog.load());

        assertThat(loaded.flows()).extracting(Flow::id).containsExactly("dup-a");
        assertThat(loaded.problems())
                .containsExactly(second + ": /nodes/0/config/path: POST /hooks/same is already served by "
                        + "node 'hook' of flow 'dup-a' in " + first
                        + "; flows run together need distinct webhook paths");
    }

    private Path copy(String resource, String name) throws IOException {
        try (InputStream in = FlowLoaderTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Path target = dir.resolve(name);
            Files.write(target, in.readAllBytes());
            return target;
        }
    }
}
