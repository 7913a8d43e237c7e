package dev.switchboard.connector.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleConnectorTest {
    final ScheduleConnector connector = new ScheduleConnector();

    @Test
    void isRegisteredWithASampleEvent() {
        assertThat(ConnectorCatalog.load().find("schedule")).containsInstanceOf(ScheduleConnector.class);
        assertThat(Json.parse(connector.spec().sampleEvent()).has("firedAt")).isTrue();
    }

    @Test
    void validCronAndIntervalsPass() {
        assertThat(connector.validate(NodeConfig.of("mode", "cron", "cron", "*/1 * * * * ?")))
                .isEmpty();
        assertThat(connector.validate(
                        NodeConfig.of("mode", "cron", "cron", "0 30 9 ? * MON-FRI 2027", "timeZone", "Europe/Berlin")))
                .isEmpty();
        assertThat(connector.validate(NodeConfig.of("mode", "interval", "interval", "30s")))
                .isEmpty();
        assertThat(connector.validate(NodeConfig.of("interval", "PT5M"))).isEmpty();
    }

    @Test
    void badIntervalsZonesAndPayloadsAreRejected() {
        // a parsable interval, a valid cron and a known mode are the generic check's (NodeConfigCheckTest)
        assertThat(connector.validate(NodeConfig.of("interval", "1ms")))
                .extracting(ConfigProblem::message)
                .containsExactly("The interval must be at least 10ms");
        assertThat(connector.validate(NodeConfig.of("mode", "cron", "cron", "0 * * * * ?", "timeZone", "Mars/Olympus")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/timeZone");
        assertThat(connector.validate(NodeConfig.of("payload", "{not json")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/payload");
    }

    @Test
    void payloadMayBeInlineJsonOrJsonText() {
        assertThat(ScheduleConnector.payload(NodeConfig.of(
                        "payload", ConfigValue.object("a", 1.50, "b", ConfigValue.list(ConfigValue.of(true))))))
                .hasValue(Json.parse("{\"a\": 1.50, \"b\": [true]}"));
        assertThat(ScheduleConnector.payload(NodeConfig.of("payload", "{\"a\": 1}")))
                .hasValue(Json.parse("{\"a\": 1}"));
        assertThat(ScheduleConnector.payload(NodeConfig.of("payload", " "))).isEmpty();
        assertThat(ScheduleConnector.payload(NodeConfig.of())).isEmpty();
    }

    @Test
    void compilesToTimerOrQuartzEndpoints() {
        assertThat(ScheduleConnector.endpoint("f", "tick", NodeConfig.of("interval", "30s")))
                .isEqualTo("timer:sb-f-tick?period=30000&delay=30000");
        assertThat(ScheduleConnector.endpoint("f", "tick", NodeConfig.of("mode", "cron", "cron", "0 0/15 * * * ?")))
                .isEqualTo("quartz://sb-f/tick?cron=0+0%2F15+*+*+*+%3F&trigger.timeZone=UTC");
    }

    @Test
    void ticksWithoutPayloadCarryTimeAndCount() {
        assertThat(ScheduleConnector.ticks(Instant.parse("2026-11-28T09:30:00Z"), 3)
                        .toString())
                .isEqualTo("{\"firedAt\":\"2026-11-28T09:30:00Z\",\"count\":3}");
    }
}
