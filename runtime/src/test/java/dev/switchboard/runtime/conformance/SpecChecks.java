package dev.switchboard.runtime.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Help;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.validate.NodeConfigCheck;
import dev.switchboard.runtime.validate.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.kordamp.ikonli.feather.Feather;

/** What a connector's spec must say for the designer, the validator and the CLI; no compiling. */
final class SpecChecks {
    /** The palette's groups, in the designer's order (PaletteViewModel.CATEGORY_ORDER). */
    static final List<String> CATEGORIES = List.of("Triggers", "Logic", "Transform", "Actions", "SaaS");

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConnectorSpec spec;
    private final List<String> failures = new ArrayList<>();

    private SpecChecks(ConnectorSpec spec) {
        this.spec = spec;
    }

    static List<String> check(Connector connector) {
        ConnectorSpec spec = connector.spec();
        if (spec == null) {
            return List.of("spec() returned null");
        }
        SpecChecks checks = new SpecChecks(spec);
        checks.metadata();
        checks.help();
        checks.ports();
        checks.properties(connector);
        checks.sampleEvent();
        return checks.failures;
    }

    private void metadata() {
        require(
                ID.matcher(spec.id()).matches(),
                "id '" + spec.id() + "' must be lower-case words joined by dots, like http.request");
        require(
                !blank(spec.title()) && !spec.title().equals(spec.id()),
                "title must name the connector for people, not repeat its id");
        require(
                !blank(spec.description()) && !spec.description().contains("\n"),
                "description must be one non-empty line");
        require(
                CATEGORIES.contains(spec.category()),
                "category '" + spec.category() + "' must be one of " + CATEGORIES);
        require(
                !"box".equals(spec.icon()) && featherIcon(spec.icon()),
                "icon '" + spec.icon()
                        + "' must be a Feather icon name the designer knows (e.g. globe, filter, zap), not the default box");
    }

    private static boolean featherIcon(String name) {
        for (Feather f : Feather.values()) {
            if (f.getDescription().equals("fth-" + name)) {
                return true;
            }
        }
        return false;
    }

    private void help() {
        if (blank(spec.help())) {
            failures.add(
                    "help is empty: write <id>.md beside the connector class and load it with ConnectorSpec.Builder.helpResource");
            return;
        }
        List<String> examples = Help.examples(spec.help());
        if (examples.isEmpty()) {
            failures.add("help has no worked example: add a block marked " + Help.EXAMPLE_FENCE
                    + " holding a node's config");
        } else if (examples.size() > 1) {
            failures.add("help has " + examples.size() + " blocks marked " + Help.EXAMPLE_FENCE
                    + "; the example config must be one");
        } else if (parse(examples.get(0)) == null || !parse(examples.get(0)).isObject()) {
            failures.add("the help's example config is not a JSON object: " + examples.get(0));
        }
    }

    private void ports() {
        boolean trigger = spec.kind() == ConnectorKind.TRIGGER;
        require(spec.hasInput() == !trigger, "a " + spec.kind() + " must " + (trigger ? "not " : "") + "have an input");
        Set<String> names = new HashSet<>();
        for (PortSpec port : spec.outputs()) {
            require(
                    NAME.matcher(port.name()).matches(),
                    "output '" + port.name() + "' must be a plain name (letters, digits, _)");
            require(names.add(port.name()), "output '" + port.name() + "' is declared twice");
            require(
                    !PortSpec.ERROR.equals(port.name()),
                    "output 'error' is the runtime's: every node with an input has it, "
                            + "and a trigger's failures are answered by the trigger itself; do not declare it");
            require(!blank(port.title()), "output '" + port.name() + "' needs a title");
        }
        if (trigger || spec.kind() == ConnectorKind.STEP) {
            require(
                    !spec.outputs().isEmpty() || spec.dynamicPorts(),
                    "a " + spec.kind() + " must have an output: its events go on from there");
        }
        require(!spec.dynamicPorts() || spec.kind() == ConnectorKind.STEP, "only a step may have dynamic ports");
    }

    private void properties(Connector connector) {
        checkProperties(spec.properties(), "");
        ConfigValue.Fields defaults = ConfigValue.Fields.EMPTY;
        for (PropertySpec p : spec.properties()) {
            if (p.defaultValue() != null) {
                defaults = defaults.with(p.name(), p.defaultValue());
            }
        }
        for (Problem problem : NodeConfigCheck.check(connector, defaults, "", "conformance")) {
            String property = problem.pointer().isEmpty()
                    ? ""
                    : problem.pointer().substring(1).split("/", 2)[0];
            if (problem.isError() && defaults.values().containsKey(property)) {
                failures.add("the default of '" + property + "' does not pass the generic check: " + problem.message());
            }
        }
    }

    private void checkProperties(List<PropertySpec> properties, String owner) {
        Set<String> names = new HashSet<>();
        for (PropertySpec p : properties) {
            String name = owner + p.name();
            require(!blank(p.name()) && names.add(p.name()), "property '" + name + "' is blank or declared twice");
            require(!blank(p.title()), "property '" + name + "' needs a title");
            if (p.type() == PropertyType.ENUM) {
                require(!p.options().isEmpty(), "enum property '" + name + "' needs options");
                require(
                        p.defaultValue() == null
                                || p.options()
                                        .contains(
                                                String.valueOf(p.defaultValue().toPlain())),
                        "the default of '" + name + "' is not one of its options " + p.options());
            }
            require(
                    p.type() != PropertyType.SECRET || p.defaultValue() == null,
                    "secret property '" + name + "' must not have a default");
            checkProperties(p.items(), name + "[].");
        }
    }

    private void sampleEvent() {
        if (spec.kind() == ConnectorKind.TRIGGER) {
            require(
                    !blank(spec.sampleEvent()),
                    "a trigger needs a sampleEvent: the data of a typical event, for field suggestions");
        }
        if (!blank(spec.sampleEvent())) {
            require(parse(spec.sampleEvent()) != null, "sampleEvent is not valid JSON: " + spec.sampleEvent());
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private void require(boolean ok, String failure) {
        if (!ok) {
            failures.add(failure);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
