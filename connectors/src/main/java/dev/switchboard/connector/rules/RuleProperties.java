package dev.switchboard.connector.rules;

import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;

/** The property specs and help section ({@link #HELP}) filter and switch share for their rules. */
public final class RuleProperties {
    /** The help section on rules (rules.md beside this class), for the help of connectors that have rules. */
    public static final String HELP = "/dev/switchboard/connector/rules/rules.md";

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
                        PropertySpec.builder("field", PropertyType.STRING)
                                .title("Field")
                                .required()
                                .description("Where to look in the event: data.…, or id, type, source, subject, time")
                                .placeholder("data.score")
                                .build(),
                        PropertySpec.builder("op", PropertyType.ENUM)
                                .title("Operator")
                                .required()
                                .options(Operator.words().toArray(String[]::new))
                                .defaultValue("eq")
                                .description("How the field is compared with the value")
                                .build(),
                        PropertySpec.builder("value", PropertyType.JSON)
                                .title("Value")
                                .description("A number, text, true/false; an array for in; a regular expression for "
                                        + "matches; true/false (or nothing) for exists")
                                .placeholder("50")
                                .build())
                .build();
    }
}
