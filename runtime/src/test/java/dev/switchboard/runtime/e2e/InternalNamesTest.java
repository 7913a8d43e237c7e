package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.capture;
import static dev.switchboard.runtime.e2e.Flows.chain;
import static dev.switchboard.runtime.e2e.Flows.inject;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids are the user's: a node called "failed" or a flow called "failed" must not collide with the
 * engine's own routes and endpoints (a node "failed" once broke deploy with "Duplicate id").
 */
class InternalNamesTest {
    @TempDir
    static Path data;

    static Engine engine;

    @BeforeAll
    static void start() {
        engine = Flows.engine(data);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void aNodeCalledFailedBesideTheFlowsFailureRoute() throws Exception {
        // a retrying node gives the flow its failure route
        engine.deploy(chain(
                "named-failed",
                inject("in", "named-failed"),
                node(
                        "failed",
                        "map",
                        "fields",
                        ConfigValue.object("n", "{{data.n}}"),
                        "retry",
                        ConfigValue.object("attempts", 2, "backoff", "100ms")),
                capture("out", "named-failed")));

        InjectConnector.send(engine.camel(), "named-failed", "{\"n\": 1}");

        await().until(() -> CaptureConnector.events("named-failed").size() == 1);
    }

    @Test
    void aFlowCalledFailedBesideAFlowWhoseNodesCanFail() throws Exception {
        engine.deploy(chain(
                "orders",
                inject("in", "internal-names-orders-in"),
                node(
                        "shape",
                        "map",
                        "fields",
                        ConfigValue.object("n", "{{data.n}}"),
                        "retry",
                        ConfigValue.object("attempts", 2, "backoff", "100ms")),
                capture("out", "internal-names-orders")));
        engine.deploy(chain(
                "failed",
                inject("in", "internal-names-failed-in"),
                node("orders", "log"),
                capture("out", "internal-names-failed")));

        InjectConnector.send(engine.camel(), "internal-names-orders-in", "{\"n\": 1}");
        InjectConnector.send(engine.camel(), "internal-names-failed-in", "{\"n\": 2}");

        await().until(() -> CaptureConnector.events("internal-names-orders").size() == 1
                && CaptureConnector.events("internal-names-failed").size() == 1);
        assertThat(CaptureConnector.events("internal-names-orders")
                        .get(0)
                        .data()
                        .path("n")
                        .asInt())
                .isEqualTo(1);
        assertThat(CaptureConnector.events("internal-names-failed")
                        .get(0)
                        .data()
                        .path("n")
                        .asInt())
                .isEqualTo(2);
    }
}
