package dev.switchboard.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EngineSmokeTest {
    static Engine engine;

    @BeforeAll
    static void start() {
        engine = new Engine(
                        EngineOptions.defaults().withHttpPort(0), ConnectorCatalog.load(), SecretResolver.of(Map.of()))
                .start();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static Flow flow(String id, List<Node> nodes, List<Wire> wires) {
        return new Flow(FlowFormat.CURRENT, id, id, null, null, nodes, wires, null);
    }

    static Node node(String id, String type, Object... config) {
        return new Node(id, type, null, ConfigValue.object(config), null);
    }

    @Test
    void fanOutGivesEachBranchItsOwnCopyAndReportsTheRun() throws Exception {
        List<RunRecord> runs = new CopyOnWriteArrayList<>();
        engine.addRunListener(runs::add);
        engine.deploy(flow(
                "fan",
                List.of(
                        node("in", "test.inject", "channel", "fan"),
                        node("a", "test.capture", "sink", "fan-a"),
                        node("b", "test.capture", "sink", "fan-b")),
                List.of(Wire.of("in", "a"), Wire.of("in", "b"))));

        InjectConnector.send(engine.camel(), "fan", "{\"n\": 1}");

        await().until(() -> CaptureConnector.events("fan-a").size() == 1
                && CaptureConnector.events("fan-b").size() == 1);
        Event a = CaptureConnector.events("fan-a").get(0);
        Event b = CaptureConnector.events("fan-b").get(0);
        assertThat(a.id()).isEqualTo(b.id());
        assertThat(a.data()).isEqualTo(b.data()).isNotSameAs(b.data());
        await().until(() -> runs.stream().anyMatch(r -> r.flowId().equals("fan")));
        assertThat(runs)
                .filteredOn(r -> r.flowId().equals("fan"))
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RunRecord.RunStatus.SUCCESS));
    }

    @Test
    void replacingAFlowKeepsItRunningWithTheNewVersion() throws Exception {
        engine.deploy(flow(
                "swap",
                List.of(node("in", "test.inject", "channel", "swap"), node("c", "test.capture", "sink", "swap-1")),
                List.of(Wire.of("in", "c"))));
        InjectConnector.send(engine.camel(), "swap", "{}");
        engine.deploy(flow(
                "swap",
                List.of(node("in", "test.inject", "channel", "swap"), node("c", "test.capture", "sink", "swap-2")),
                List.of(Wire.of("in", "c"))));
        InjectConnector.send(engine.camel(), "swap", "{}");
        assertThat(CaptureConnector.events("swap-1")).hasSize(1);
        assertThat(CaptureConnector.events("swap-2")).hasSize(1);
        assertThat(engine.undeploy("swap")).isTrue();
    }
}
