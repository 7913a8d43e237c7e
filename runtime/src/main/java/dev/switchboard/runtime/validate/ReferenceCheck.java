package dev.switchboard.runtime.validate;

import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Quote;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The {@code {{secret:NAME}}} and {@code {{env:NAME}}} references anywhere in a node's config: each
 * name must be one the environment can hold, and a secret may only be referenced where its
 * property allows it ({@link PropertySpec#allowsSecretReferences()}). Elsewhere — a log message, a
 * mapped field, a file's path — the resolved value would land in logs, event data and output files.
 */
final class ReferenceCheck {
    private final String nodeId;
    private final List<Problem> problems;

    private ReferenceCheck(String nodeId, List<Problem> problems) {
        this.nodeId = nodeId;
        this.problems = problems;
    }

    static void check(
            List<PropertySpec> specs,
            ConfigValue.Fields config,
            String configPointer,
            String nodeId,
            List<Problem> problems) {
        new ReferenceCheck(nodeId, problems).checkFields(specs, config, configPointer, null);
    }

    private void checkFields(List<PropertySpec> specs, ConfigValue.Fields fields, String pointer, String topProperty) {
        for (Map.Entry<String, ConfigValue> e : fields.values().entrySet()) {
            String key = e.getKey();
            PropertySpec spec =
                    specs.stream().filter(s -> s.name().equals(key)).findFirst().orElse(null);
            boolean allowed = spec != null && spec.allowsSecretReferences();
            List<PropertySpec> items = spec != null && spec.type() == PropertyType.LIST ? spec.items() : List.of();
            check(
                    e.getValue(),
                    Pointers.child(pointer, key),
                    key,
                    topProperty == null ? key : topProperty,
                    allowed,
                    items);
        }
    }

    private void check(
            ConfigValue value,
            String pointer,
            String property,
            String topProperty,
            boolean allowed,
            List<PropertySpec> itemSpecs) {
        if (value instanceof ConfigValue.Text t) {
            checkText(t.value(), pointer, property, topProperty, allowed);
        } else if (value instanceof ConfigValue.Items items) {
            for (int i = 0; i < items.values().size(); i++) {
                check(items.values().get(i), Pointers.child(pointer, i), property, topProperty, allowed, itemSpecs);
            }
        } else if (value instanceof ConfigValue.Fields fields) {
            if (!itemSpecs.isEmpty()) {
                checkFields(itemSpecs, fields, pointer, topProperty);
                return;
            }
            for (Map.Entry<String, ConfigValue> e : fields.values().entrySet()) {
                check(e.getValue(), Pointers.child(pointer, e.getKey()), property, topProperty, allowed, List.of());
            }
        }
    }

    private void checkText(String text, String pointer, String property, String topProperty, boolean allowed) {
        if (!text.contains("{{")) {
            return;
        }
        Matcher m = SecretResolver.LOOSE_REFERENCE.matcher(text);
        while (m.find()) {
            boolean secret = m.group(1).equals("secret");
            String name = m.group(2).trim();
            if (!SecretResolver.NAME.matcher(name).matches()) {
                error(
                        pointer,
                        topProperty,
                        Quote.single(name) + " is not a valid " + (secret ? "secret" : "setting")
                                + " name: a name has letters, digits and _ only and does not start with a digit, e.g. "
                                + (secret ? "{{secret:API_KEY}}" : "{{env:PARTNER_URL}}"));
            } else if (secret && !allowed) {
                error(
                        pointer,
                        topProperty,
                        "'" + property + "' may not reference a secret ({{secret:" + name + "}}): what it "
                                + "produces is shown and stored (logs, run history, event data, files), so the value would leak. "
                                + "Put secrets in the connector's secret properties (a token, a password) or in a property made "
                                + "for them, such as an HTTP request's URL, headers or body");
            }
        }
    }

    private void error(String pointer, String property, String message) {
        problems.add(Problem.nodeError(pointer, nodeId, property, message));
    }
}
