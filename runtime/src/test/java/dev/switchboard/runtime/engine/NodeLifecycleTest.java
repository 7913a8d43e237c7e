package dev.switchboard.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.ErrorLogCapture;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes' onStop cleanups and connection statuses belong to the engine that runs them. */
class NodeLifecycleTest {
    @TempDir
    Path dataDir;

    private Engine engine(String name) {
        return new Engine(
                        EngineOptions.defaults().withHttpPort(0).withDataDir(dataDir.resolve(name)),
                        ConnectorCatalog.load(),
                        SecretResolver.of(Map.of()))
                .start();
    }

    private static Flow flow(String id, Node... nodes) {
        List<Wire> wires = new ArrayList<>();
        for (int i = 1; i < nodes.length; i++) {
            wires.add(Wire.of(nodes[i - 1].id(), nodes[i].id()));
        }
        return new Flow(FlowFormat.CURRENT, id, id, null, null, List.of(nodes), wires, null);
    }

    private static Node node(String id, String type, Object... config) {
        return new Node(id, type, null, ConfigValue.object(config), null);
    }

    private static Flow lifecycleFlow(String id, Object... config) {
        return flow(id, node("in", "test.inject", "channel", id), node("probe", "test.lifecycle", config));
    }

    private static Optional<String> message(Engine engine, String flowId, String nodeId) {
        return engine.nodeStatus(flowId, nodeId).map(StatusBoard.Status::message);
    }

    @Test
    void undeployRunsTheCleanupsInReverseOrderAndOneThatFailsIsLoggedWithoutStoppingTheOthers() throws Exception {
        try (ErrorLogCapture log = ErrorLogCapture.start();
                Engine engine = engine("one")) {
            engine.deploy(
                    lifecycleFlow("undeployed", "journal", "undeploy", "failingCleanup", true, "status", "probing"));
            await().until(() -> message(engine, "undeployed", "probe").isPresent());
            assertThat(LifecycleConnector.journal("undeploy")).isEmpty();

            engine.undeploy("undeployed");

            assertThat(LifecycleConnector.journal("undeploy")).containsExactly("last registered", "first registered");
            assertThat(log.lines())
                    .anySatisfy(line -> assertThat(line)
                            .contains("Flow 'undeployed', node 'probe': a cleanup on stop failed")
                            .contains("cleanup broke"));
            assertThat(engine.nodeStatus("undeployed", "probe")).isEmpty();
        }
    }

    @Test
    void hotReplaceRunsTheOldVersionsCleanupsAndTheNewVersionsStatusStays() throws Exception {
        try (Engine engine = engine("one")) {
            engine.deploy(lifecycleFlow("replaced", "journal", "replace-v1", "status", "version 1"));
            await().until(() -> message(engine, "replaced", "probe").equals(Optional.of("version 1")));

            engine.deploy(lifecycleFlow("replaced", "journal", "replace-v2", "status", "version 2"));

            assertThat(LifecycleConnector.journal("replace-v1")).containsExactly("last registered", "first registered");
            assertThat(LifecycleConnector.journal("replace-v2")).isEmpty();
            await().until(() -> message(engine, "replaced", "probe").equals(Optional.of("version 2")));
        }
        assertThat(LifecycleConnector.journal("replace-v2")).containsExactly("last registered", "first registered");
    }

    @Test
    void aReplacementThatFailsToStartIsReleasedAndThePreviousVersionRunsAgain() throws Exception {
        try (Engine engine = engine("one")) {
            engine.deploy(flow("holder", node("in", "test.inject", "channel", "taken")));
            engine.deploy(flow(
                    "restored",
                    node("in", "test.inject", "channel", "restored"),
                    node("probe", "test.lifecycle", "journal", "restore-v1"),
                    node("seen", "test.capture", "sink", "restored")));
            // compiles, but cannot start: another flow consumes the channel it reads
            Flow clashing = flow(
                    "restored",
                    node("in", "test.inject", "channel", "taken"),
                    node("probe", "test.lifecycle", "journal", "restore-v2"));

            assertThatThrownBy(() -> engine.deploy(clashing))
                    .isInstanceOf(FlowCompileException.class)
                    .hasMessageStartingWith("Flow 'restored' could not start");

            assertThat(LifecycleConnector.journal("restore-v2")).containsExactly("last registered", "first registered");
            // the previous version's cleanups ran when it stopped; it runs again, compiled afresh
            assertThat(LifecycleConnector.journal("restore-v1")).containsExactly("last registered", "first registered");
            InjectConnector.send(engine.camel(), "restored", "{\"n\": 1}");
            assertThat(CaptureConnector.events("restored")).hasSize(1);
            engine.undeploy("restored");
            assertThat(LifecycleConnector.journal("restore-v1")).hasSize(4);
        }
    }

    @Test
    void aFlowThatFailsToCompileReleasesWhatItsNodesSetUp() {
        try (Engine engine = engine("one")) {
            Flow broken = flow(
                    "broken",
                    node("in", "test.inject", "channel", "broken"),
                    node("probe", "test.lifecycle", "journal", "broken"),
                    node("next", "no.such.type"));

            assertThatThrownBy(() -> engine.deploy(broken)).isInstanceOf(FlowCompileException.class);

            assertThat(LifecycleConnector.journal("broken")).containsExactly("last registered", "first registered");
            assertThat(engine.deployedFlowIds()).doesNotContain("broken");
        }
    }

    @Test
    void stoppingTheEngineRunsTheCleanupsOfEveryRunningFlow() throws Exception {
        Engine engine = engine("one");
        engine.deploy(lifecycleFlow("left-running", "journal", "engine-stop"));

        engine.close();

        assertThat(LifecycleConnector.journal("engine-stop")).containsExactly("last registered", "first registered");
    }

    @Test
    void twoEnginesInOneJvmKeepSeparateStatusesForTheSameFlowAndNode() throws Exception {
        try (Engine first = engine("first");
                Engine second = engine("second")) {
            first.deploy(lifecycleFlow("shared", "journal", "shared-1", "status", "seen by the first engine"));
            second.deploy(lifecycleFlow("shared", "journal", "shared-2", "status", "seen by the second engine"));

            await().until(() -> message(first, "shared", "probe").isPresent()
                    && message(second, "shared", "probe").isPresent());
            assertThat(message(first, "shared", "probe")).contains("seen by the first engine");
            assertThat(message(second, "shared", "probe")).contains("seen by the second engine");
            assertThat(first.nodeStatuses("shared")).containsOnlyKeys("probe");

            first.undeploy("shared");

            assertThat(first.nodeStatus("shared", "probe")).isEmpty();
            assertThat(message(second, "shared", "probe")).contains("seen by the second engine");
            assertThat(LifecycleConnector.journal("shared-2")).isEmpty();
        }
    }
}
