package dev.switchboard.designer.viewmodel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.Durations;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.FlowLimits;
import dev.switchboard.runtime.format.MalformedFlowException;
import java.math.BigDecimal;

/** Text ⇄ config value conversions for form fields, with the messages users see when input is off. */
final class ConfigText {
    private ConfigText() {}

    static String of(ConfigValue value) {
        if (value instanceof ConfigValue.Text t) {
            return t.value();
        }
        if (value instanceof ConfigValue.Num n) {
            // a number from a file is never too long (the reader refuses it); scientific notation just in case
            return FlowLimits.fitsWrittenOut(n.value())
                    ? n.value().toPlainString()
                    : n.value().toString();
        }
        if (value instanceof ConfigValue.Bool b) {
            return Boolean.toString(b.value());
        }
        if (value instanceof ConfigValue.Null || value == null) {
            return "";
        }
        return FlowCodec.toJsonNode(value).toPrettyString();
    }

    static FieldViewModel.Converted parse(PropertySpec spec, boolean secret, String text) {
        if (secret) {
            String name = text.strip();
            if (SecretReference.name(name).isPresent()) {
                return ok(ConfigValue.of(name));
            }
            if (!SecretReference.isValidName(name)) {
                return new FieldViewModel.Converted(
                        null, "Enter the secret's NAME (letters, digits, _), never the value itself", false);
            }
            return ok(ConfigValue.of(SecretReference.of(name)));
        }
        PropertyType type = spec.type();
        switch (type) {
            case NUMBER:
            case INTEGER:
                try {
                    BigDecimal n = new BigDecimal(text.strip());
                    if (!FlowLimits.fitsWrittenOut(n)) {
                        return new FieldViewModel.Converted(
                                null, "Enter a number of at most " + FlowLimits.MAX_NUMBER_DIGITS + " digits", false);
                    }
                    if (type == PropertyType.INTEGER && n.stripTrailingZeros().scale() > 0) {
                        return new FieldViewModel.Converted(null, "Enter a whole number", false);
                    }
                    return ok(new ConfigValue.Num(n));
                } catch (NumberFormatException e) {
                    return new FieldViewModel.Converted(null, "Enter a number", false);
                }
            case JSON:
                try {
                    JsonNode tree = FlowCodec.parseTree(text);
                    return ok(FlowCodec.toConfigValue(tree));
                } catch (MalformedFlowException e) {
                    return new FieldViewModel.Converted(
                            null, "Not valid JSON (line " + e.line() + "): " + e.getMessage(), false);
                }
            case DURATION:
                try {
                    Durations.parse(text.strip());
                    return ok(ConfigValue.of(text.strip()));
                } catch (RuntimeException e) {
                    return new FieldViewModel.Converted(
                            ConfigValue.of(text.strip()), "Use PT5S, 5s, 250ms or 2m", true);
                }
            case CRON:
                int parts = text.strip().split("\\s+").length;
                if (parts < 6 || parts > 7) {
                    return new FieldViewModel.Converted(
                            ConfigValue.of(text.strip()),
                            "A Quartz cron has 6 or 7 fields: sec min hour day month weekday [year]",
                            true);
                }
                return ok(ConfigValue.of(text.strip()));
            case ENUM:
                if (!spec.options().isEmpty() && !spec.options().contains(text)) {
                    return new FieldViewModel.Converted(
                            ConfigValue.of(text), "Choose one of " + String.join(", ", spec.options()), true);
                }
                return ok(ConfigValue.of(text));
            default:
                return ok(ConfigValue.of(text));
        }
    }

    private static FieldViewModel.Converted ok(ConfigValue v) {
        return new FieldViewModel.Converted(v, "", false);
    }
}
