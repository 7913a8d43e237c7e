package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One runtime per store: a second one on the same data folder refuses to start and says who owns
 * it, the read commands keep working beside the owner, and the owner's lock goes with its process
 * (kill -9 included), so a restart never waits for a stale lock.
 */
class StoreOwnershipTest {
    @TempDir
    Path dir;

    final List<Process> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    DurableRuntime start(Path data) {
        return DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, data, Duration.ofSeconds(2)),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of()),
                null,
                HistoryOptions.defaults());
    }

    @Test
    void theLockSitsBesideTheDatabaseFileOfEveryEmbeddedH2Url() {
        Path db = dir.resolve("data/switchboard").toAbsolutePath();
        assertThat(StoreOwnership.h2File(Store.defaultUrl(dir.resolve("data")))).contains(db);
        assertThat(StoreOwnership.h2File("jdbc:h2:file:" + db + ";AUTO_SERVER=TRUE"))
                .contains(db);
        assertThat(StoreOwnership.h2File("jdbc:h2:" + db)).contains(db);
        assertThat(StoreOwnership.h2File("jdbc:h2:mem:test")).isEmpty();
        assertThat(StoreOwnership.h2File("jdbc:h2:tcp://localhost/~/test")).isEmpty();
        assertThat(StoreOwnership.h2File("jdbc:postgresql://localhost/switchboard"))
                .isEmpty();
    }

    @Test
    void aSecondRuntimeOnTheSameStoreInOneProcessIsRefusedAndMayStartOnceTheFirstStopped() {
        DurableRuntime first = start(dir.resolve("data"));
        try {
            assertThatThrownBy(() -> start(dir.resolve("data")))
                    .isInstanceOf(StoreOwnership.StoreInUseException.class)
                    .hasMessage("Another Switchboard runtime (another runtime in this process) is running on the store "
                            + dir.resolve("data").toAbsolutePath()
                            + "; stop it first, or give this one another data folder (--data)");
        } finally {
            first.close();
        }
        start(dir.resolve("data")).close();
    }

    @Test
    void aSecondRunProcessExitsWithOneLineNamingTheOwnerAndReadsStillWork() throws Exception {
        Path flows = Files.createDirectories(dir.resolve("flows"));
        Files.writeString(flows.resolve("hello.flow.json"), """
                { "format": "switchboard/flow@1", "id": "hello",
                  "nodes": [ { "id": "in", "type": "webhook", "config": { "path": "/hooks/hello" } },
                             { "id": "log", "type": "log", "config": { "message": "{{data.name}}" } } ],
                  "wires": [ { "from": "in", "to": "log" } ] }
                """);
        Process owner = run("owner", "run", flows.toString(), "--port", "0", "--admin-port", "0");
        await().atMost(Duration.ofSeconds(60)).until(() -> log("owner").contains("Switchboard is running"));

        Process second = run("second", "run", flows.toString(), "--port", "0", "--admin-port", "0");
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isOne();
        String refused = log("second").strip();
        assertThat(refused)
                .startsWith("✗ Another Switchboard runtime (pid " + owner.pid() + ", since ")
                .contains(", webhooks at http://127.0.0.1:")
                .endsWith("is running on the store " + dir.resolve("data").toAbsolutePath()
                        + "; stop it first, or give this one another data folder (--data)")
                .doesNotContain("\n")
                .doesNotContain("Exception");

        Process runs = run("runs", "runs");
        assertThat(runs.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(runs.exitValue())
                .as("runs beside the owner: %s", log("runs"))
                .isZero();

        owner.destroyForcibly().waitFor(); // kill -9: the system releases the lock with the process
        Process successor = run("successor", "run", flows.toString(), "--port", "0", "--admin-port", "0");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            assertThat(successor.isAlive())
                    .as("successor exited: %s", log("successor"))
                    .isTrue();
            return log("successor").contains("Switchboard is running");
        });
        successor.destroy();
        assertThat(successor.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private Process run(String name, String... args) throws IOException {
        List<String> withData = new java.util.ArrayList<>(List.of(args));
        withData.addAll(List.of("--data", dir.resolve("data").toString()));
        Process process = CliProcess.start(dir.resolve(name + ".log"), List.of(), withData.toArray(String[]::new))
                .process();
        started.add(process);
        return process;
    }

    private String log(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".log"));
    }
}
