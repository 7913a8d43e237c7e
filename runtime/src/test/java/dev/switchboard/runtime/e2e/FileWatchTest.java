package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.chain;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** file.watch on real folders under the engine's data folder. */
class FileWatchTest {
    @TempDir
    static Path dataDir;

    static Engine engine;

    @BeforeAll
    static void start() {
        engine = Flows.engine(dataDir, Map.of());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void csvFileBecomesOneEventPerRowAndMovesToDone() throws Exception {
        engine.deploy(watch("csv", "inbox/csv", "*.csv", "csv"));

        drop("inbox/csv", "orders.csv", "sku,qty,note\nA-1,3,\"comma, inside\"\nB-2,5,plain\n");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> CaptureConnector.events("csv").size() >= 2);
        Event first = CaptureConnector.events("csv").get(0);
        assertThat(first.data().toString()).isEqualTo("{\"sku\":\"A-1\",\"qty\":\"3\",\"note\":\"comma, inside\"}");
        assertThat(first.subject()).isEqualTo("orders.csv");
        assertThat(first.type()).isEqualTo("dev.switchboard.file.record");
        assertThat(first.source()).isEqualTo("/switchboard/flows/csv/watch");
        assertThat(first.extensions()).containsEntry("filename", "orders.csv").containsEntry("filerecord", "1");
        assertThat(CaptureConnector.events("csv").get(1).data().path("sku").asText())
                .isEqualTo("B-2");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dataDir.resolve("inbox/csv/.done/orders.csv")));
        assertThat(dataDir.resolve("inbox/csv/orders.csv")).doesNotExist();
        engine.undeploy("csv");
    }

    @Test
    void jsonLinesFileBecomesOneEventPerLine() throws Exception {
        engine.deploy(watch("jsonl", "inbox/jsonl", "*.jsonl", "jsonl"));

        drop("inbox/jsonl", "clicks.jsonl", "{\"page\": \"/a\"}\n\n{\"page\": \"/b\"}\n{\"page\": \"/c\"}\n");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> CaptureConnector.events("jsonl").size() >= 3);
        assertThat(CaptureConnector.events("jsonl"))
                .extracting(e -> e.data().path("page").asText())
                .containsExactly("/a", "/b", "/c");
        assertThat(CaptureConnector.events("jsonl"))
                .extracting(e -> e.extensions().get("filerecord"))
                .containsExactly("1", "3", "4");
        engine.undeploy("jsonl");
    }

    @Test
    void malformedFileMovesToErrorAndEmitsNothing() throws Exception {
        engine.deploy(watch("bad", "inbox/bad", "*.jsonl", "jsonl"));

        drop("inbox/bad", "broken.jsonl", "{\"ok\": 1}\n{not json\n");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(dataDir.resolve("inbox/bad/.error/broken.jsonl")));
        assertThat(CaptureConnector.events("bad")).isEmpty();
        engine.undeploy("bad");
    }

    @Test
    void foldersOutsideTheDataFolderAreRejected() {
        assertThatThrownBy(() -> engine.deploy(watch("escape", "../outside", "*", "json")))
                .isInstanceOf(FlowCompileException.class)
                .hasMessageContaining("folder: '../outside' leads outside the data folder");
        assertThatThrownBy(() -> engine.deploy(watch("escape", "inbox/../../outside", "*", "json")))
                .isInstanceOf(FlowCompileException.class)
                .hasMessageContaining("leads outside the data folder");
        assertThatThrownBy(() -> engine.deploy(watch("escape", "/etc", "*", "json")))
                .isInstanceOf(FlowCompileException.class)
                .hasMessageContaining("'/etc' is absolute");
        assertThat(engine.deployedFlowIds()).doesNotContain("escape");
        assertThat(new dev.switchboard.connector.filewatch.FileWatchConnector()
                        .validate(dev.switchboard.connector.spi.config.NodeConfig.of("folder", "../x")))
                .extracting(dev.switchboard.connector.spi.ConfigProblem::pointer)
                .containsExactly("/folder");
        assertThat(dataDir.getParent().resolve("outside")).doesNotExist();
    }

    private static dev.switchboard.runtime.model.Flow watch(String id, String folder, String pattern, String format) {
        return chain(
                id,
                node(
                        "watch",
                        "file.watch",
                        "folder",
                        folder,
                        "pattern",
                        pattern,
                        "format",
                        format,
                        "interval",
                        "100ms"),
                node("capture", "test.capture", "sink", id));
    }

    /** Writes under a name the pattern does not match, then renames: the watcher sees only whole files. */
    private static void drop(String folder, String name, String content) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve(folder));
        Path part = Files.writeString(dir.resolve(name + ".part"), content);
        Files.move(part, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
