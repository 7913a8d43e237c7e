package dev.switchboard.runtime.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.MalformedFlowException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks that connectors used to repeat in their own {@code validate} (and again in {@code compile})
 * are the generic check's now: each is still reported, once, at the same pointer.
 */
class NodeConfigCheckTest {
    private static final ConnectorCatalog CATALOG = ConnectorCatalog.load();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "log; {\"level\": \"loud\"}; /level",
                "log; {\"message\": \"{{data.x | nope}}\"}; /message",
                "mqtt.publish; {\"brokerUrl\": \"tcp://h:1883\", \"topic\": \"a/{{data.b | shout}}\"}; /topic",
                "mqtt.publish; {\"brokerUrl\": \"tcp://h:1883\", \"topic\": \"a\", \"qos\": \"3\"}; /qos",
                "dedupe; {}; /key",
                "dedupe; {\"key\": \"{{data.id | nope}}\"}; /key",
                "email.send; {\"host\": \"smtp.example.com\", \"from\": \"a@example.com\", \"to\": \"b@example.com\", \"subject\": \"{{data.x | nope}}\", \"body\": \"hi\"}; /subject",
                "http.request; {}; /url",
                "http.request; {\"url\": \"https://x/{{data.a | shout}}\"}; /url",
                "http.request; {\"url\": \"https://x\", \"retryBackoff\": \"later\"}; /retryBackoff",
                "webhook; {\"path\": \"/h\", \"method\": \"GET\"}; /method",
                "schedule; {\"mode\": \"hourly\"}; /mode",
                "schedule; {\"interval\": \"soon\"}; /interval",
                "schedule; {\"mode\": \"cron\"}; /cron",
                "schedule; {\"mode\": \"cron\", \"cron\": \"0 61 * * * ?\"}; /cron",
                "schedule; {\"mode\": \"cron\", \"cron\": \"0 0 12 1 * MON\"}; /cron",
            })
    void isReportedOnceAtItsPointer(String type, String config, String pointer) {
        List<Problem> problems =
                NodeConfigCheck.check(CATALOG.find(type).orElseThrow(), fields(config), "/nodes/0/config", "n");

        assertThat(problems)
                .filteredOn(Problem::isError)
                .extracting(Problem::pointer)
                .containsOnlyOnce("/nodes/0/config" + pointer);
    }

    @Test
    void aCrontabLineIsToldApartFromAQuartzExpression() {
        List<Problem> problems = NodeConfigCheck.check(
                CATALOG.find("schedule").orElseThrow(),
                fields("{\"mode\": \"cron\", \"cron\": \"*/5 * * * *\"}"),
                "/nodes/0/config",
                "n");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/nodes/0/config/cron");
            assertThat(p.message())
                    .contains("is not a Quartz cron expression: it has 5 fields, and Quartz needs six or seven");
        });
    }

    private static ConfigValue.Fields fields(String json) {
        try {
            return (ConfigValue.Fields) FlowCodec.toConfigValue(FlowCodec.parseTree(json));
        } catch (MalformedFlowException e) {
            throw new AssertionError(e);
        }
    }
}
