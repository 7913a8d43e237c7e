package dev.switchboard.runtime.format;

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

class FlowFilesTest {
    @TempDir
    Path dir;

    @Test
    void loadReturnsOnlyValidFlowsAndEveryErrorAsFilePointerMessage() throws IOException {
        copy("/roundtrip/everything.flow.json", "a.flow.json");
        Path bad = copy("/broken/wire-into-trigger.flow.json", "b.flow.json");
        Path warned = copy("/broken/nothing-wired-in.flow.json", "c.flow.json");
        Files.writeString(warned, Files.readString(warned).replace("\"id\": \"broken\"", "\"id\": \"warned\""));

        FlowFiles.Loaded loaded = FlowFiles.load(List.of(dir), ConnectorCatalog.load());

        assertThat(loaded.files()).hasSize(3);
        assertThat(loaded.flows()).extracting(Flow::id).containsExactly("kitchen-sink", "warned");
        assertThat(loaded.problems()).containsExactly(bad + ": /wires/2/to: The wire leads into 'in', a trigger "
                + "(test.inject): triggers start a flow and take no input");
        assertThat(loaded.warnings()).containsExactly(warned + ": /nodes/3: warning: Nothing is wired into 'lonely', "
                + "so it never receives events");
    }

    @Test
    void flowIdUsedByTwoFilesIsAProblem() throws IOException {
        Path first = copy("/roundtrip/minimal.flow.json", "one.flow.json");
        Path second = copy("/roundtrip/minimal.flow.json", "two.flow.json");

        FlowFiles.Loaded loaded = FlowFiles.load(List.of(first, second), ConnectorCatalog.load());

        assertThat(loaded.problems()).containsExactly(second + ": /id: Flow id 'minimal' is already used by " + first
                + "; flows run together need distinct ids");
    }

    private Path copy(String resource, String name) throws IOException {
        try (InputStream in = FlowFilesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Path target = dir.resolve(name);
            Files.write(target, in.readAllBytes());
            return target;
        }
    }
}
