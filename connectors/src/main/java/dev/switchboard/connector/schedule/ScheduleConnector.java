package dev.switchboard.connector.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.Durations;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** {@code schedule}: starts the flow at a fixed interval (camel-timer) or on a cron schedule (camel-quartz). */
public final class ScheduleConnector implements Connector {
    public static final String ID = "schedule";
    public static final String EVENT_TYPE = "dev.switchboard.schedule.fired";
    static final Duration MIN_INTERVAL = Duration.ofMillis(10);

    private static final ConnectorSpec SPEC = ConnectorSpec.builder(ID, ConnectorKind.TRIGGER)
            .title("Schedule")
            .description("Starts the flow at a fixed interval or on a cron schedule")
            .icon("clock")
            .outputs(PortSpec.out())
            .properties(
                    PropertySpec.builder("mode", PropertyType.ENUM)
                            .title("Mode")
                            .options("interval", "cron")
                            .defaultValue("interval")
                            .description("Every fixed interval, or at the times a cron expression names")
                            .build(),
                    PropertySpec.builder("interval", PropertyType.DURATION)
                            .title("Interval")
                            .required()
                            .visibleWhen("mode=interval")
                            .defaultValue("1m")
                            .placeholder("30s")
                            .description(
                                    "Time between two events, e.g. 30s, 5m, 1h or PT30S; the first comes one interval after start")
                            .build(),
                    PropertySpec.builder("cron", PropertyType.CRON)
                            .title("Cron expression")
                            .required()
                            .visibleWhen("mode=cron")
                            .placeholder("0 0/15 * * * ?")
                            .description("Quartz cron: seconds minutes hours day-of-month month day-of-week [year]")
                            .build(),
                    PropertySpec.builder("timeZone", PropertyType.STRING)
                            .title("Time zone")
                            .visibleWhen("mode=cron")
                            .defaultValue("UTC")
                            .placeholder("Europe/Berlin")
                            .description("The zone the cron expression's times are in")
                            .build(),
                    PropertySpec.builder("payload", PropertyType.JSON)
                            .title("Payload")
                            .description(
                                    "Optional data sent on every tick; without it data is {\"firedAt\", \"count\"}")
                            .build())
            .helpResource(ScheduleConnector.class, "schedule.md")
            .sampleEvent("{\"firedAt\": \"2026-11-28T09:30:00Z\", \"count\": 3}")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        // mode, a parsable interval and cron expression are the property specs' part, checked before this
        List<ConfigProblem> problems = new ArrayList<>();
        if (config.string("mode", "interval").equals("interval")) {
            if (Durations.parse(config.string("interval", "1m")).compareTo(MIN_INTERVAL) < 0) {
                problems.add(new ConfigProblem("/interval", "The interval must be at least 10ms"));
            }
        } else {
            String zone = config.string("timeZone", "UTC");
            try {
                ZoneId.of(zone);
            } catch (java.time.DateTimeException e) {
                problems.add(new ConfigProblem(
                        "/timeZone", "'" + zone + "' is not a time zone such as UTC or Europe/Berlin"));
            }
        }
        payloadProblem(config).ifPresent(m -> problems.add(new ConfigProblem("/payload", m)));
        return problems;
    }

    private static Optional<String> payloadProblem(NodeConfig config) {
        try {
            payload(config);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The configured payload: inline JSON in the flow file, or JSON text as a string editor writes it. */
    static Optional<JsonNode> payload(NodeConfig config) {
        Optional<ConfigValue> value = config.value("payload");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof ConfigValue.Text text) {
            if (text.value().isBlank()) {
                return Optional.empty();
            }
            return Optional.of(Json.parse(text.value()));
        }
        return Optional.of(toJson(value.get()));
    }

    /** Numbers keep the digits written in the flow file: 10 stays 10, 1.50 stays 1.50. */
    static JsonNode toJson(ConfigValue value) {
        if (value instanceof ConfigValue.Text t) return Json.NODES.textNode(t.value());
        if (value instanceof ConfigValue.Bool b) return Json.NODES.booleanNode(b.value());
        if (value instanceof ConfigValue.Num n) {
            if (!n.isIntegral()) {
                return Json.NODES.numberNode(n.value());
            }
            // the node types Jackson itself reads integers into, so equal payloads compare equal
            java.math.BigInteger whole = n.value().toBigInteger();
            if (whole.bitLength() < 32) return Json.NODES.numberNode(whole.intValue());
            if (whole.bitLength() < 64) return Json.NODES.numberNode(whole.longValue());
            return Json.NODES.numberNode(whole);
        }
        if (value instanceof ConfigValue.Items items) {
            com.fasterxml.jackson.databind.node.ArrayNode array = Json.NODES.arrayNode();
            items.values().forEach(v -> array.add(toJson(v)));
            return array;
        }
        if (value instanceof ConfigValue.Fields fields) {
            ObjectNode object = Json.NODES.objectNode();
            fields.values().forEach((k, v) -> object.set(k, toJson(v)));
            return object;
        }
        return Json.NODES.nullNode();
    }

    @Override
    public void compile(NodeContext node) {
        NodeConfig config = node.config();
        String source = node.eventSource();
        Optional<JsonNode> payload = payload(config);
        AtomicLong count = new AtomicLong();
        node.emit(
                node.from(endpoint(node.flowId(), node.nodeId(), config)).process(exchange -> {
                    long n = count.incrementAndGet();
                    JsonNode data = payload.map(p -> (JsonNode) p.deepCopy()).orElseGet(() -> ticks(Instant.now(), n));
                    exchange.getIn().removeHeaders("*");
                    exchange.getIn()
                            .setBody(new Event(
                                    Event.newId(),
                                    source,
                                    EVENT_TYPE,
                                    Instant.now(),
                                    null,
                                    "application/json",
                                    data,
                                    Map.of()));
                }),
                PortSpec.OUT);
    }

    static JsonNode ticks(Instant firedAt, long count) {
        ObjectNode data = Json.NODES.objectNode();
        data.put("firedAt", firedAt.toString());
        data.put("count", count);
        return data;
    }

    static String endpoint(String flowId, String nodeId, NodeConfig config) {
        String name = "sb-" + flowId + "-" + nodeId;
        if (config.string("mode", "interval").equals("cron")) {
            return "quartz://" + encode("sb-" + flowId) + "/" + encode(nodeId)
                    + "?cron=" + encode(config.requireString("cron").trim())
                    + "&trigger.timeZone=" + encode(config.string("timeZone", "UTC"));
        }
        long millis = Durations.parse(config.string("interval", "1m")).toMillis();
        return "timer:" + encode(name) + "?period=" + millis + "&delay=" + millis;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
