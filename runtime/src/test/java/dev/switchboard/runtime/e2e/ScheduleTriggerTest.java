package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.chain;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The schedule trigger on the real engine: camel-timer for intervals, camel-quartz for cron. */
class ScheduleTriggerTest {
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

    @Test
    void intervalFiresRepeatedlyWithACountingTick() throws Exception {
        engine.deploy(chain(
                "every",
                node("tick", "schedule", "mode", "interval", "interval", "100ms"),
                node("out", "test.capture", "sink", "every")));

        await().atMost(Duration.ofSeconds(5))
                .until(() -> CaptureConnector.events("every").size() >= 3);
        engine.undeploy("every");

        List<Event> ticks = List.copyOf(CaptureConnector.events("every"));
        assertThat(ticks).extracting(e -> e.data().path("count").asLong()).startsWith(1L, 2L, 3L);
        assertThat(ticks).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo("dev.switchboard.schedule.fired");
            assertThat(e.source()).isEqualTo("/switchboard/flows/every/tick");
            assertThat(Instant.parse(e.data().path("firedAt").asText())).isBeforeOrEqualTo(Instant.now());
        });
        assertThat(ticks).extracting(Event::id).doesNotHaveDuplicates();
    }

    @Test
    void cronEverySecondFiresAndSendsThePayload() throws Exception {
        engine.deploy(chain(
                "cron",
                node(
                        "tick",
                        "schedule",
                        "mode",
                        "cron",
                        "cron",
                        "*/1 * * * * ?",
                        "payload",
                        ConfigValue.object("report", "daily-leads", "limit", 10)),
                node("out", "test.capture", "sink", "cron")));

        await().atMost(Duration.ofSeconds(5))
                .until(() -> CaptureConnector.events("cron").size() >= 2);
        engine.undeploy("cron");

        assertThat(CaptureConnector.events("cron"))
                .allSatisfy(e ->
                        assertThat(e.data()).isEqualTo(Json.parse("{\"report\": \"daily-leads\", \"limit\": 10}")));
    }

    @Test
    void anInvalidCronExpressionDoesNotDeploy() {
        assertThatThrownBy(() -> engine.deploy(chain(
                        "badcron",
                        node("tick", "schedule", "mode", "cron", "cron", "0 61 * * * ?"),
                        node("out", "test.capture", "sink", "badcron"))))
                .isInstanceOf(FlowCompileException.class)
                .hasMessageContaining("/cron")
                .hasMessageContaining("config/cron: ")
                .hasMessageContaining("is not a Quartz cron expression");
        assertThat(engine.deployedFlowIds()).doesNotContain("badcron");
    }
}
