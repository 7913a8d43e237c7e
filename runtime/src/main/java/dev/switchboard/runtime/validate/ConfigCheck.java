package dev.switchboard.runtime.validate;

import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.Durations;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.FieldPath;
import dev.switchboard.connector.support.Quote;
import dev.switchboard.connector.support.Template;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * Checks one node's config against its connector's {@link PropertySpec}s: presence, JSON type,
 * enum options, templates, durations, cron expressions, list items, unknown names and secrets
 * written in clear. Never quotes a secret-looking value back in a message.
 */
final class ConfigCheck {
    /** Keys that usually hold credentials; the last word of the key decides (tokenUrl is fine, accessToken is not). */
    private static final Pattern SECRET_LIKE_KEY =
            Pattern.compile("(?i).*(password|passwd|token|api[-_]?key|secret|authorization)");

    private static final Set<PropertyType> TEXT_TYPES = Set.of(
            PropertyType.STRING, PropertyType.TEMPLATE, PropertyType.SECRET, PropertyType.CRON, PropertyType.DURATION);

    private final String nodeId;
    private final List<Problem> problems = new ArrayList<>();

    private ConfigCheck(String nodeId) {
        this.nodeId = nodeId;
    }

    /** Every problem with {@code config}, whose JSON pointer is {@code configPointer}. */
    static List<Problem> check(
            List<PropertySpec> specs,
            ConfigValue.Fields config,
            String configPointer,
            String nodeId,
            String connectorId) {
        ConfigCheck check = new ConfigCheck(nodeId);
        check.checkFields(specs, config, configPointer, null, "'" + connectorId + "' nodes");
        check.findSecretsInClear(config, configPointer, specs, null);
        ReferenceCheck.check(specs, config, configPointer, nodeId, check.problems);
        return check.problems;
    }

    /**
     * Only the credential heuristic, for a config no connector checks (a disabled node's): a flow
     * file holds no secret value, whatever runs.
     */
    static List<Problem> secretsInClear(ConfigValue.Fields config, String configPointer, String nodeId) {
        ConfigCheck check = new ConfigCheck(nodeId);
        check.findSecretsInClear(config, configPointer, List.of(), null);
        return check.problems;
    }

    /** Whether a config key is named like a credential, so it must not hold literal text. */
    static boolean looksLikeCredential(String key) {
        return SECRET_LIKE_KEY.matcher(key).matches();
    }

    private void checkFields(
            List<PropertySpec> specs, ConfigValue.Fields fields, String pointer, String topProperty, String owner) {
        List<String> known = specs.stream().map(PropertySpec::name).toList();
        for (String key : fields.values().keySet()) {
            if (!known.contains(key)) {
                String top = topProperty == null ? key : topProperty;
                error(
                        Pointers.child(pointer, key),
                        top,
                        "Unknown property " + Quote.single(key) + " for " + owner + "."
                                + Suggestions.didYouMean(key, known)
                                + (known.isEmpty()
                                        ? " It takes no properties."
                                        : " Known: " + String.join(", ", known)));
            }
        }
        NodeConfig siblings = withDefaults(specs, fields);
        for (PropertySpec spec : specs) {
            if (!applies(spec, siblings)) {
                continue;
            }
            String at = Pointers.child(pointer, spec.name());
            String top = topProperty == null ? spec.name() : topProperty;
            ConfigValue value = fields.values().get(spec.name());
            boolean absent = value == null
                    || value instanceof ConfigValue.Null
                    || value instanceof ConfigValue.Text t && t.value().isBlank();
            if (absent) {
                if (spec.required() && spec.defaultValue() == null) {
                    error(
                            at,
                            top,
                            "Missing required property '" + spec.name() + "'" + titleHint(spec)
                                    + (value == null ? "" : ": it is empty"));
                }
                continue;
            }
            checkValue(spec, value, at, top);
        }
    }

    /** visibleWhen conditions look at effective values: an absent property counts as its default. */
    private static NodeConfig withDefaults(List<PropertySpec> specs, ConfigValue.Fields fields) {
        ConfigValue.Fields effective = fields;
        for (PropertySpec spec : specs) {
            ConfigValue value = fields.values().get(spec.name());
            if (spec.defaultValue() != null && (value == null || value instanceof ConfigValue.Null)) {
                effective = effective.with(spec.name(), spec.defaultValue());
            }
        }
        return new NodeConfig(effective);
    }

    /** visibleWhen decides whether a property counts; an ill-typed controlling property is reported on its own. */
    private static boolean applies(PropertySpec spec, NodeConfig siblings) {
        try {
            return spec.appliesTo(siblings);
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private void checkValue(PropertySpec spec, ConfigValue value, String at, String top) {
        PropertyType type = spec.type();
        if (TEXT_TYPES.contains(type) || type == PropertyType.ENUM) {
            if (!(value instanceof ConfigValue.Text text)) {
                error(
                        at,
                        top,
                        "'" + spec.name() + "' must be text (a JSON string), not "
                                + (spec.secret() ? kind(value) : shown(value)));
                return;
            }
            checkText(spec, text.value(), at, top);
            return;
        }
        switch (type) {
            case NUMBER -> {
                if (!(value instanceof ConfigValue.Num)) {
                    error(at, top, "'" + spec.name() + "' must be a number, not " + shown(value));
                }
            }
            case INTEGER -> {
                if (!(value instanceof ConfigValue.Num n) || !n.isIntegral()) {
                    error(at, top, "'" + spec.name() + "' must be a whole number, not " + shown(value));
                }
            }
            case BOOLEAN -> {
                if (!(value instanceof ConfigValue.Bool)) {
                    error(at, top, "'" + spec.name() + "' must be true or false, not " + shown(value));
                }
            }
            case KEY_VALUE -> checkKeyValue(spec, value, at, top);
            case LIST -> checkList(spec, value, at, top);
            default -> {} // JSON: any value
        }
    }

    private void checkText(PropertySpec spec, String text, String at, String top) {
        if (spec.secret()) {
            Matcher loose = SecretResolver.LOOSE_REFERENCE.matcher(text.trim());
            if (loose.matches() && loose.group(1).equals("secret")) {
                return; // a reference: ReferenceCheck judges its name
            }
            if (!SecretResolver.REFERENCE.matcher(text.trim()).matches()) {
                error(
                        at,
                        top,
                        "'" + spec.name() + "' is a secret: its value must be a reference like {{secret:NAME}}, "
                                + "never the secret itself (flow files must not hold secret values; set NAME in the "
                                + "environment or the secrets file)");
            }
            return;
        }
        switch (spec.type()) {
            case ENUM -> {
                if (!spec.options().isEmpty() && !spec.options().contains(text)) {
                    error(
                            at,
                            top,
                            "'" + spec.name() + "' must be one of " + String.join(", ", spec.options()) + ", not "
                                    + Quote.single(text) + "." + Suggestions.didYouMean(text, spec.options()));
                }
            }
            case TEMPLATE -> {
                String problem = Template.problem(text);
                if (problem != null) {
                    error(at, top, "The template in '" + spec.name() + "' does not parse: " + problem);
                } else {
                    warnAboutUnknownRoots(text, at, spec.name());
                }
            }
            case DURATION -> {
                try {
                    Durations.parse(text);
                } catch (IllegalArgumentException e) {
                    error(at, top, "'" + spec.name() + "': " + e.getMessage());
                }
            }
            case CRON -> {
                int fields = text.trim().split("\\s+").length;
                try {
                    if (fields < 6 || fields > 7) {
                        // crontab's five fields are the usual mistake: say so rather than Quartz's parse error
                        error(
                                at,
                                top,
                                Quote.single(text) + " in '" + spec.name()
                                        + "' is not a Quartz cron expression: it has "
                                        + fields + " fields, and Quartz needs six or seven: seconds minutes hours "
                                        + "day-of-month month day-of-week [year], e.g. 0 0/5 * * * ? for every five minutes");
                    } else {
                        new CronExpression(text);
                    }
                } catch (ParseException e) {
                    error(
                            at,
                            top,
                            Quote.single(text) + " in '" + spec.name() + "' is not a Quartz cron expression ("
                                    + e.getMessage()
                                    + "). Write six or seven fields: seconds minutes hours day-of-month "
                                    + "month day-of-week [year], e.g. 0 0/5 * * * ? for every five minutes");
                }
            }
            default -> {}
        }
    }

    private void checkKeyValue(PropertySpec spec, ConfigValue value, String at, String top) {
        if (!(value instanceof ConfigValue.Fields fields)) {
            error(at, top, "'" + spec.name() + "' must be an object of names to text values, not " + shown(value));
            return;
        }
        for (Map.Entry<String, ConfigValue> e : fields.values().entrySet()) {
            if (!(e.getValue() instanceof ConfigValue.Text text)) {
                error(
                        Pointers.child(at, e.getKey()),
                        top,
                        "The value of " + Quote.single(e.getKey()) + " in '" + spec.name()
                                + "' must be text (a JSON string), not " + shown(e.getValue()));
            } else if (text.value().contains("{{") && Template.problem(text.value()) == null) {
                // values of key-value properties are templates (map fields, headers, columns); connectors check their
                // syntax
                warnAboutUnknownRoots(text.value(), Pointers.child(at, e.getKey()), spec.name());
            }
        }
    }

    private void checkList(PropertySpec spec, ConfigValue value, String at, String top) {
        if (!(value instanceof ConfigValue.Items items)) {
            error(at, top, "'" + spec.name() + "' must be a list (JSON array), not " + shown(value));
            return;
        }
        if (spec.items().isEmpty()) {
            return;
        }
        List<String> fieldNames = spec.items().stream().map(PropertySpec::name).toList();
        for (int i = 0; i < items.values().size(); i++) {
            ConfigValue item = items.values().get(i);
            String itemAt = Pointers.child(at, i);
            if (item instanceof ConfigValue.Fields fields) {
                checkFields(spec.items(), fields, itemAt, top, "items of '" + spec.name() + "'");
            } else {
                error(
                        itemAt,
                        top,
                        "Each item of '" + spec.name() + "' must be an object with " + String.join(", ", fieldNames)
                                + ", not " + shown(item));
            }
        }
    }

    /**
     * A heuristic on top of the declared secret properties: a key named like a credential anywhere
     * in the config (a header, a nested auth object) holding literal text is almost surely a leak.
     */
    private void findSecretsInClear(ConfigValue value, String pointer, List<PropertySpec> specs, String topProperty) {
        if (value instanceof ConfigValue.Items items) {
            for (int i = 0; i < items.values().size(); i++) {
                findSecretsInClear(items.values().get(i), Pointers.child(pointer, i), specs, topProperty);
            }
            return;
        }
        if (!(value instanceof ConfigValue.Fields fields)) {
            return;
        }
        for (Map.Entry<String, ConfigValue> e : fields.values().entrySet()) {
            String key = e.getKey();
            String at = Pointers.child(pointer, key);
            String top = topProperty == null ? key : topProperty;
            PropertySpec spec =
                    specs.stream().filter(s -> s.name().equals(key)).findFirst().orElse(null);
            if (spec != null && (spec.secret() || spec.type() == PropertyType.ENUM)) {
                continue; // declared secrets get the exact check above; enum values are never secrets
            }
            if (SECRET_LIKE_KEY.matcher(key).matches()
                    && e.getValue() instanceof ConfigValue.Text t
                    && !t.value().isBlank()
                    && !t.value().contains("{{")) {
                error(
                        at,
                        top,
                        Quote.single(key) + " looks like a secret written in clear text: store the value as a secret "
                                + "and write {{secret:NAME}} here instead (flow files must not hold secret values)");
                continue;
            }
            List<PropertySpec> childSpecs = spec != null && spec.type() == PropertyType.LIST ? spec.items() : List.of();
            findSecretsInClear(e.getValue(), at, childSpecs, top);
        }
    }

    /**
     * A look-up whose root is neither data nor an envelope attribute reads an extension attribute of
     * that name, and renders empty on the many events without one: almost always a typo
     * ({@code {{dat.name}}}). A warning, since an event may carry such an extension.
     */
    private void warnAboutUnknownRoots(String template, String at, String property) {
        Set<String> warned = new HashSet<>();
        for (FieldPath path : Template.parse(template).paths()) {
            String root = path.root();
            if (path.hasKnownRoot() || FieldPath.isWellKnownExtension(root) || !warned.add(root)) {
                continue;
            }
            problems.add(Problem.warning(
                    at,
                    nodeId,
                    "The look-up " + Quote.single("{{" + path + "}}") + " in '" + property
                            + "' starts with " + Quote.single(root) + ", which is not part of every event ("
                            + String.join(", ", FieldPath.ROOTS)
                            + "): it reads an extension attribute of that name and renders empty without one."
                            + Suggestions.closest(root, FieldPath.ROOTS)
                                    .map(s -> " Did you mean '" + s + "'?")
                                    .orElse(" For the event's data write " + Quote.single("{{data." + path + "}}")
                                            + ".")));
        }
    }

    private static String titleHint(PropertySpec spec) {
        return spec.title().equals(spec.name()) ? "" : " (" + spec.title() + ")";
    }

    /** The JSON kind of a value without the value itself, for anything that may be a secret. */
    static String kind(ConfigValue value) {
        if (value instanceof ConfigValue.Text) return "text";
        if (value instanceof ConfigValue.Num) return "a number";
        if (value instanceof ConfigValue.Bool) return "true or false";
        return shown(value);
    }

    static String shown(ConfigValue value) {
        if (value instanceof ConfigValue.Text t)
            return "the text \"" + Quote.shorten(t.value()) + "\"" + Quote.lengthNote(t.value());
        if (value instanceof ConfigValue.Num n) return Quote.number(n.value());
        if (value instanceof ConfigValue.Bool b) return Boolean.toString(b.value());
        if (value instanceof ConfigValue.Items) return "a list";
        if (value instanceof ConfigValue.Fields) return "an object";
        return "null";
    }

    private void error(String pointer, String property, String message) {
        problems.add(Problem.nodeError(pointer, nodeId, property, message));
    }
}
