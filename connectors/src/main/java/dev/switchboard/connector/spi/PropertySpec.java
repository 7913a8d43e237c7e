package dev.switchboard.connector.spi;

import dev.switchboard.connector.spi.config.ConfigValue;
import java.util.List;
import java.util.Objects;

/**
 * One configurable property of a connector: what the designer renders as a form field and what
 * the validator checks. Built with {@link #builder(String, PropertyType)}.
 *
 * @param items for {@link PropertyType#LIST}: the fields of one list item
 * @param visibleWhen "otherProperty=value" — shown and required only when that holds (empty: always)
 * @param acceptsSecrets this text (a template, or each value of a key-value property) may embed
 *     {@code {{secret:NAME}}} references, e.g. {@code Authorization: Bearer {{secret:TOKEN}}}; the
 *     runtime masks the resolved values wherever it shows or stores what the node produced. Other
 *     non-secret properties may not hold secret references (the validator refuses them, and the
 *     runtime does not resolve them).
 */
public record PropertySpec(
        String name,
        String title,
        PropertyType type,
        boolean required,
        ConfigValue defaultValue,
        List<String> options,
        boolean secret,
        String description,
        String placeholder,
        List<PropertySpec> items,
        String visibleWhen,
        boolean acceptsSecrets) {

    public PropertySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        title = title == null ? name : title;
        options = List.copyOf(options == null ? List.of() : options);
        items = List.copyOf(items == null ? List.of() : items);
        description = description == null ? "" : description;
        placeholder = placeholder == null ? "" : placeholder;
        visibleWhen = visibleWhen == null ? "" : visibleWhen;
        secret = secret || type == PropertyType.SECRET;
    }

    /** True when the value may hold secret references: a secret property, or one declared to accept them. */
    public boolean allowsSecretReferences() {
        return secret || acceptsSecrets;
    }

    public static Builder builder(String name, PropertyType type) {
        return new Builder(name, type);
    }

    /** True when {@link #visibleWhen()} is empty or satisfied by the sibling values given. */
    public boolean appliesTo(dev.switchboard.connector.spi.config.NodeConfig siblings) {
        if (visibleWhen.isEmpty()) {
            return true;
        }
        int eq = visibleWhen.indexOf('=');
        String other = visibleWhen.substring(0, eq);
        List<String> accepted = List.of(visibleWhen.substring(eq + 1).split("\\|"));
        return accepted.contains(siblings.string(other).orElse(""));
    }

    public static final class Builder {
        private final String name;
        private final PropertyType type;
        private String title;
        private boolean required;
        private ConfigValue defaultValue;
        private List<String> options = List.of();
        private boolean secret;
        private String description;
        private String placeholder;
        private List<PropertySpec> items = List.of();
        private String visibleWhen;
        private boolean acceptsSecrets;

        private Builder(String name, PropertyType type) {
            this.name = name;
            this.type = type;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder defaultValue(ConfigValue value) {
            this.defaultValue = value;
            return this;
        }

        public Builder defaultValue(String value) {
            return defaultValue(ConfigValue.of(value));
        }

        public Builder defaultValue(long value) {
            return defaultValue(ConfigValue.of(value));
        }

        public Builder defaultValue(boolean value) {
            return defaultValue(ConfigValue.of(value));
        }

        public Builder options(String... options) {
            this.options = List.of(options);
            return this;
        }

        public Builder secret() {
            this.secret = true;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder placeholder(String placeholder) {
            this.placeholder = placeholder;
            return this;
        }

        public Builder items(PropertySpec... items) {
            this.items = List.of(items);
            return this;
        }

        public Builder visibleWhen(String condition) {
            this.visibleWhen = condition;
            return this;
        }
        /** Lets the text embed {@code {{secret:NAME}}} references; see {@link PropertySpec#acceptsSecrets()}. */
        public Builder acceptsSecrets() {
            this.acceptsSecrets = true;
            return this;
        }

        public PropertySpec build() {
            return new PropertySpec(
                    name,
                    title,
                    type,
                    required,
                    defaultValue,
                    options,
                    secret,
                    description,
                    placeholder,
                    items,
                    visibleWhen,
                    acceptsSecrets);
        }
    }
}
