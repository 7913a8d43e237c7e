package dev.switchboard.designer.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.contract.SchemaRegistryException;
import dev.switchboard.runtime.model.ContractBinding;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The sample event for a trigger of a flow: its connector's sample, plus every {@code data.…}
 * field the rules downstream look at (a filter on {@code data.amount > 100} adds an
 * {@code amount} that passes), so the first event sent gets past the first filter.
 */
public final class SampleEvents {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final ConnectorCatalog catalog;

    public SampleEvents(ConnectorCatalog catalog) {
        this.catalog = catalog;
    }

    /** Pretty JSON for the trigger {@code triggerId}; {@code {}} when there is nothing to start from. */
    public String forTrigger(Flow flow, String triggerId) {
        return forTrigger(flow, triggerId, null);
    }

    /**
     * As {@link #forTrigger(Flow, String)}; a trigger bound to a data contract found in {@code
     * schemas} (null: none known) starts from data its schema accepts instead of the connector's sample.
     */
    public String forTrigger(Flow flow, String triggerId, SchemaRegistry schemas) {
        ObjectNode sample = contractSample(flow, triggerId, schemas)
                .orElseGet(() -> flow.node(triggerId)
                        .flatMap(n -> catalog.find(n.type()))
                        .map(Connector::spec)
                        .map(s -> parse(s.sampleEvent()))
                        .orElseGet(NODES::objectNode));
        for (Node node : downstream(flow, triggerId)) {
            if (node.config().values().get("rules") instanceof ConfigValue.Items rules) {
                rules.values().forEach(rule -> {
                    if (rule instanceof ConfigValue.Fields f) {
                        addField(sample, f);
                    }
                });
            }
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(sample);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A sample event that cannot be written as JSON", e);
        }
    }

    private static Optional<ObjectNode> contractSample(Flow flow, String triggerId, SchemaRegistry schemas) {
        ContractBinding binding = flow.node(triggerId).map(Node::contract).orElse(null);
        if (binding == null || schemas == null) {
            return Optional.empty();
        }
        try {
            return schemas.find(binding.subject(), binding.version())
                    .map(found -> SchemaSample.of(found.schema()))
                    .filter(ObjectNode.class::isInstance)
                    .map(ObjectNode.class::cast);
        } catch (SchemaRegistryException e) {
            // the problems panel reports an unreadable schema; the connector's sample is still a start
            return Optional.empty();
        }
    }

    private static ObjectNode parse(String sample) {
        if (sample == null || sample.isBlank()) {
            return NODES.objectNode();
        }
        try {
            JsonNode tree = Json.MAPPER.readTree(sample);
            return tree instanceof ObjectNode o ? o : NODES.objectNode();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A connector's sampleEvent is not JSON: " + e.getMessage(), e);
        }
    }

    /** Adds {@code data.a.b} as {@code {"a": {"b": …}}} when the sample has no such field yet. */
    private static void addField(ObjectNode sample, ConfigValue.Fields rule) {
        if (!(rule.values().get("field") instanceof ConfigValue.Text t)
                || !t.value().startsWith("data.")) {
            return;
        }
        String[] parts = t.value().substring("data.".length()).split("\\.");
        ObjectNode at = sample;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = at.get(parts[i]);
            if (next != null && !(next instanceof ObjectNode)) {
                return; // the sample already has something else there: keep it
            }
            at = next == null ? at.putObject(parts[i]) : (ObjectNode) next;
        }
        String last = parts[parts.length - 1];
        if (!last.isEmpty() && !at.has(last) && !last.contains("[")) {
            at.set(last, passingValue(rule));
        }
    }

    /** A value the rule lets through, as far as one can be guessed: 100 for "> 50", the value for "equals". */
    private static JsonNode passingValue(ConfigValue.Fields rule) {
        String op = rule.values().get("op") instanceof ConfigValue.Text o ? o.value() : "eq";
        ConfigValue value = rule.values().get("value");
        if (value instanceof ConfigValue.Num n) {
            BigDecimal v = n.value();
            return switch (op) {
                case "gt", "gte" -> NODES.numberNode(v.signum() > 0 ? v.multiply(TWO) : v.add(BigDecimal.ONE));
                case "lt", "lte" -> NODES.numberNode(v.signum() > 0 ? v.divide(TWO) : v.subtract(BigDecimal.ONE));
                case "ne" -> NODES.numberNode(v.add(BigDecimal.ONE));
                default -> NODES.numberNode(v);
            };
        }
        if (value instanceof ConfigValue.Text s && !op.equals("ne") && !op.equals("matches")) {
            return NODES.textNode(s.value());
        }
        if (value instanceof ConfigValue.Bool b && !op.equals("exists")) {
            return NODES.booleanNode(op.equals("ne") != b.value());
        }
        if (value instanceof ConfigValue.Items items
                && op.equals("in")
                && !items.values().isEmpty()) {
            ConfigValue first = items.values().get(0);
            if (first instanceof ConfigValue.Num n) {
                return NODES.numberNode(n.value());
            }
            if (first instanceof ConfigValue.Text s) {
                return NODES.textNode(s.value());
            }
        }
        return NODES.textNode("example");
    }

    private static java.util.List<Node> downstream(Flow flow, String from) {
        java.util.List<Node> found = new java.util.ArrayList<>();
        Deque<String> todo = new ArrayDeque<>(java.util.List.of(from));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String id = todo.pop();
            for (Wire w : flow.wires()) {
                if (w.from().equals(id) && seen.add(w.to())) {
                    flow.node(w.to()).ifPresent(found::add);
                    todo.push(w.to());
                }
            }
        }
        return found;
    }
}
