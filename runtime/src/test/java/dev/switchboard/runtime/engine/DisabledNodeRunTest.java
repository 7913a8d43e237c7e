package dev.switchboard.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

/** A disabled node is not compiled: nothing reaches it, nothing passes it, and its type need not exist. */
class DisabledNodeRunTest {
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

    private static Node node(String id, String type, Object... config) {
        return new Node(id, type, null, ConfigValue.object(config), null);
    }

    @Test
    void eventsStopAtADisabledNodeAndTheRestOfTheFlowRuns() throws Exception {
        List<RunRecord> runs = new CopyOnWriteArrayList<>();
        engine.addRunListener(runs::add);
        engine.deploy(new Flow(
                FlowFormat.CURRENT,
                "cut",
                null,
                null,
                null,
                List.of(
                        node("in", "test.inject", "channel", "cut"),
                        node("direct", "test.capture", "sink", "cut-direct"),
                        node("fn", "nodered.function", "func", "return msg;").withDisabled(true),
                        node("behind", "test.capture", "sink", "cut-behind"),
                        node("hook", "webhook", "path", "/disabled-hook").withDisabled(true)),
                List.of(Wire.of("in", "direct"), Wire.of("in", "fn"), Wire.of("fn", "behind")),
                null));

        InjectConnector.send(engine.camel(), "cut", "{\"n\": 1}");

        await().until(() -> runs.stream().anyMatch(r -> r.flowId().equals("cut")));
        assertThat(runs)
                .filteredOn(r -> r.flowId().equals("cut"))
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RunRecord.RunStatus.SUCCESS));
        assertThat(CaptureConnector.events("cut-direct")).extracting(Event::id).hasSize(1);
        assertThat(CaptureConnector.events("cut-behind")).isEmpty();
        assertThat(engine.camel().getRoute("cut:fn")).isNull();
        assertThat(engine.camel().getRoute("cut:behind")).isNotNull();
        assertThat(engine.addresses("cut")).isEmpty();
        assertThatThrownBy(() -> engine.inject("cut", "hook", Event.create("test", "t", null)))
                .hasMessageContaining("it is disabled");
    }
}
