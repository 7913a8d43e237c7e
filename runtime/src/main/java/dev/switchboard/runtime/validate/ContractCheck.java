package dev.switchboard.runtime.validate;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Quote;
import dev.switchboard.runtime.contract.RegisteredSchema;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.contract.SchemaRegistryException;
import dev.switchboard.runtime.model.ContractBinding;
import dev.switchboard.runtime.model.ContractBinding.Enforcement;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Nodes' data contracts: whether the enforcement fits the node (only a trigger that answers over
 * HTTP can reject, a trigger has no error port), and — with the schemas folder known — whether the
 * bound subject and version exist and whether a {@code map} wired straight into a bound node makes
 * every top-level field the contract requires.
 */
final class ContractCheck {
    private static final String MAP = "map";

    private ContractCheck() {}

    /** @param schemas the flow's schemas folder; null when unknown (existence is then not checked) */
    static List<Problem> check(Flow flow, ConnectorCatalog catalog, SchemaRegistry schemas) {
        List<Problem> problems = new ArrayList<>();
        Set<Integer> servingHttp = new LinkedHashSet<>();
        HttpRoutes.of(flow, catalog).forEach(route -> servingHttp.add(route.nodeIndex()));
        for (int i = 0; i < flow.nodes().size(); i++) {
            Node node = flow.nodes().get(i);
            ContractBinding binding = node.contract();
            if (binding == null) {
                continue;
            }
            String pointer = Pointers.node(i) + "/contract";
            Optional<ConnectorSpec> spec = catalog.find(node.type()).map(c -> c.spec());
            boolean trigger = spec.isPresent() && spec.get().kind() == ConnectorKind.TRIGGER;
            checkEnforcement(flow, node, binding, pointer, trigger, servingHttp.contains(i), problems);
            if (schemas != null && SchemaRegistry.isValidSubject(binding.subject())) {
                checkBound(flow, node, binding, pointer, schemas, problems);
            }
        }
        return problems;
    }

    private static void checkEnforcement(
            Flow flow,
            Node node,
            ContractBinding binding,
            String pointer,
            boolean trigger,
            boolean servesHttp,
            List<Problem> problems) {
        Enforcement enforcement = binding.effectiveEnforcement();
        String at = binding.enforcement() == null ? pointer : pointer + "/enforcement";
        String named = binding.enforcement() == null ? "The default enforcement 'reject'" : "Enforcement 'reject'";
        if (enforcement == Enforcement.REJECT && !(trigger && servesHttp)) {
            problems.add(Problem.nodeError(
                    at,
                    node.id(),
                    null,
                    named + " answers the caller with 400, which only a trigger that answers over HTTP (webhook, the"
                            + " SaaS triggers) can do; use dead-letter, error-port or warn"));
        } else if (enforcement == Enforcement.ERROR_PORT && trigger) {
            problems.add(Problem.nodeError(
                    at, node.id(), null, "A trigger has no error port; use reject, dead-letter or warn"));
        } else if (enforcement == Enforcement.ERROR_PORT
                && flow.wiresFrom(node.id(), PortSpec.ERROR).isEmpty()) {
            problems.add(Problem.warning(
                    at,
                    node.id(),
                    "The error port of " + Quote.single(node.id()) + " is not wired: events that break the contract"
                            + " go to the dead letters"));
        }
    }

    private static void checkBound(
            Flow flow,
            Node node,
            ContractBinding binding,
            String pointer,
            SchemaRegistry schemas,
            List<Problem> problems) {
        RegisteredSchema schema;
        try {
            Optional<RegisteredSchema> found = schemas.find(binding.subject(), binding.version());
            if (found.isEmpty()) {
                List<Integer> versions = schemas.versions(binding.subject());
                problems.add(Problem.nodeError(
                        pointer,
                        node.id(),
                        null,
                        "The contract " + Quote.single(binding.reference()) + " is not in " + schemas.where()
                                + (versions.isEmpty() ? ": no such subject" : ": its versions are " + versions)));
                return;
            }
            schema = found.get();
        } catch (SchemaRegistryException e) {
            problems.add(Problem.nodeError(pointer, node.id(), null, e.getMessage()));
            return;
        }
        Set<String> required = new LinkedHashSet<>(schema.requiredFields());
        if (required.isEmpty()) {
            return;
        }
        for (Wire wire : flow.wiresTo(node.id())) {
            int mapIndex = indexOf(flow, wire.from());
            if (mapIndex < 0 || !MAP.equals(flow.nodes().get(mapIndex).type())) {
                continue;
            }
            Node map = flow.nodes().get(mapIndex);
            producedFields(map).ifPresent(produced -> {
                List<String> missing =
                        required.stream().filter(r -> !produced.contains(r)).toList();
                if (!missing.isEmpty()) {
                    String message = "Node " + Quote.single(node.id()) + " binds the contract " + schema.reference()
                            + ", which requires "
                            + String.join(
                                    ", ", missing.stream().map(Quote::single).toList())
                            + "; this map does not make " + (missing.size() == 1 ? "it" : "them");
                    String at = Pointers.node(mapIndex) + "/config/fields";
                    problems.add(
                            binding.effectiveEnforcement() == Enforcement.WARN
                                    ? Problem.warning(at, map.id(), message)
                                    : Problem.nodeError(at, map.id(), "fields", message));
                }
            });
        }
    }

    /** The top-level fields a map's data has for sure: those of its {@code fields} in mode replace; empty when it cannot tell. */
    private static Optional<Set<String>> producedFields(Node map) {
        ConfigValue mode = map.config().values().get("mode");
        if (mode != null
                && !(mode instanceof ConfigValue.Text text && text.value().equals("replace"))) {
            return Optional.empty(); // merge keeps whatever the data had: only the event can tell
        }
        if (!(map.config().values().get("fields") instanceof ConfigValue.Fields fields)) {
            return Optional.empty();
        }
        Set<String> produced = new LinkedHashSet<>();
        for (String output : fields.values().keySet()) {
            int dot = output.indexOf('.');
            produced.add(dot < 0 ? output : output.substring(0, dot));
        }
        return Optional.of(produced);
    }

    private static int indexOf(Flow flow, String nodeId) {
        for (int i = 0; i < flow.nodes().size(); i++) {
            if (flow.nodes().get(i).id().equals(nodeId)) {
                return i;
            }
        }
        return -1;
    }
}
