package dev.switchboard.connector.rules;

import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;

/** The property specs and help text filter and switch share for their rules. */
public final class RuleProperties {
    private RuleProperties() {}

    public static PropertySpec match(String description) {
        return PropertySpec.builder("match", PropertyType.ENUM)
                .title("Match")
                .options("all", "any")
                .defaultValue("all")
                .description(description)
                .build();
    }

    public static PropertySpec rules(String description) {
        return PropertySpec.builder("rules", PropertyType.LIST)
                .title("Rules")
                .required()
                .description(description)
                .items(
                        PropertySpec.builder("field", PropertyType.STRING).title("Field").required()
                                .description("Where to look in the event: data.…, or id, type, source, subject, time")
                                .placeholder("data.score").build(),
                        PropertySpec.builder("op", PropertyType.ENUM).title("Operator").required()
                                .options(Operator.words().toArray(String[]::new))
                                .defaultValue("eq")
                                .description("How the field is compared with the value").build(),
                        PropertySpec.builder("value", PropertyType.JSON).title("Value")
                                .description("A number, text, true/false; an array for in; a regular expression for "
                                        + "matches; true/false (or nothing) for exists")
                                .placeholder("50").build())
                .build();
    }

    /** Markdown describing how rules compare, for connector help texts. */
    public static String helpMarkdown() {
        StringBuilder ops = new StringBuilder();
        for (Operator op : Operator.values()) {
            ops.append("| `").append(op.word()).append("` | ").append(op.meaning()).append(" |\n");
        }
        return """
                ### Rules
                Each rule is `field` `op` `value`. The field is looked up in the event (`data.customer.email`,
                `data.items[0].sku`, `type`); nothing in the event is ever run as code.

                | op | true when the field … |
                |----|------------------------|
                """ + ops + """

                - **Numbers** compare as exact decimals. When one side is a JSON number and the other is a
                  text that reads as a number, they compare as numbers: `"42"` equals `42`, `"9"` is less than `10`.
                - **Texts** compare as text, case-sensitively and lexicographically (`"10"` < `"9"` when both are texts;
                  ISO timestamps order correctly). Use `(?i)` in a `matches` pattern to ignore case.
                - A **missing field** makes every rule false, `ne` included — except `exists` with value `false`.
                - `contains` on an array is true when an element equals the value.
                """;
    }
}
