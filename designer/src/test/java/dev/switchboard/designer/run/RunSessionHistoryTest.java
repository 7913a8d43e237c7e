package dev.switchboard.designer.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.store.RunQueries;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The designer's Run keeps every run's input and output, whatever the flow's {@code settings.history}. */
class RunSessionHistoryTest {
    @TempDir
    Path temp;

    @Test
    void aFlowThatKeepsNoHistoryHeadlessStillShowsItsDataInTheDesigner() throws Exception {
        try (RunSession session =
                RunSession.start(new RunSettings(temp.resolve("data"), 0, 50), ConnectorCatalog.load())) {
            session.deploy(FlowCodec.read("""
                    { "format": "switchboard/flow@1", "id": "quiet",
                      "nodes": [
                        { "id": "in", "type": "webhook", "config": { "path": "/hooks/quiet" } },
                        { "id": "say", "type": "log", "config": { "message": "hello" } }
                      ],
                      "wires": [ { "from": "in", "to": "say" } ],
                      "settings": { "history": "off" } }
                    """));
            Event event = INJECTED;
            session.inject("quiet", "in", event);

            List<RunQueries.RunPath> paths = session.trace(event.id());
            assertThat(paths).hasSize(1);
            assertThat(paths.get(0).run().history()).isEqualTo("full");
            assertThat(paths.get(0).run().dataKept()).isTrue();
            assertThat(paths.get(0).steps()).extracting(RunQueries.Step::nodeId).containsExactly("in", "say");
            assertThat(paths.get(0).steps().get(1).input()).contains("kept in the designer");
        }
    }

    private static final Event INJECTED =
            Event.create("test", "test.note", Json.parse("{\"note\": \"kept in the designer\"}"));
}
