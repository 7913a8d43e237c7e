package dev.switchboard.connector.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the designer, the validator and {@code switchboard connectors} know about a
 * connector without compiling it.
 *
 * @param id the node {@code type} in flow files, e.g. {@code http.request}
 * @param category palette group: Triggers, Logic, Transform, Actions, SaaS (vendor-specific triggers and actions)
 * @param icon an Ikonli Feather icon name without prefix, e.g. {@code "globe"}
 * @param help longer Markdown help shown in the designer; a built-in connector's lives in
 *     {@code <id>.md} beside its class ({@link Builder#helpResource}), with its example config
 *     in a block marked {@code ```json example} ({@link #example()})
 * @param dynamicPorts true when output ports depend on the node's config (switch branches)
 * @param sampleEvent a representative event data payload (JSON text) for field suggestions; may be empty
 */
public record ConnectorSpec(
        String id,
        ConnectorKind kind,
        String category,
        String title,
        String description,
        String icon,
        List<PortSpec> outputs,
        List<PropertySpec> properties,
        String help,
        boolean dynamicPorts,
        String sampleEvent) {

    public ConnectorSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        outputs = List.copyOf(outputs);
        properties = List.copyOf(properties);
        help = help == null ? "" : help;
        sampleEvent = sampleEvent == null ? "" : sampleEvent;
    }

    public boolean hasInput() {
        return kind != ConnectorKind.TRIGGER;
    }

    /**
     * A minimal valid {@code config} for a node of this type (JSON text), as the help shows it: the
     * help's block marked {@code ```json example}; empty when the help has none.
     */
    public String example() {
        return Help.example(help);
    }

    public Optional<PropertySpec> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static Builder builder(String id, ConnectorKind kind) {
        return new Builder(id, kind);
    }

    public static final class Builder {
        private final String id;
        private final ConnectorKind kind;
        private String category;
        private String title;
        private String description = "";
        private String icon = "box";
        private List<PortSpec> outputs = List.of(PortSpec.out());
        private List<PropertySpec> properties = List.of();
        private String help = "";
        private boolean dynamicPorts;
        private String sampleEvent = "";

        private Builder(String id, ConnectorKind kind) {
            this.id = id;
            this.kind = kind;
            this.title = id;
            this.category = switch (kind) {
                case TRIGGER -> "Triggers";
                case STEP -> "Logic";
                case ACTION -> "Actions";
            };
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder icon(String icon) {
            this.icon = icon;
            return this;
        }

        public Builder outputs(PortSpec... outputs) {
            this.outputs = List.of(outputs);
            return this;
        }

        public Builder noOutputs() {
            this.outputs = List.of();
            return this;
        }

        public Builder properties(PropertySpec... properties) {
            this.properties = List.of(properties);
            return this;
        }

        public Builder help(String help) {
            this.help = help;
            return this;
        }
        /** The help from Markdown resources beside {@code anchor} ({@link Help#load}); fails when one is missing. */
        public Builder helpResource(Class<?> anchor, String... names) {
            this.help = Help.load(anchor, names);
            return this;
        }

        public Builder dynamicPorts() {
            this.dynamicPorts = true;
            return this;
        }

        public Builder sampleEvent(String json) {
            this.sampleEvent = json;
            return this;
        }

        public ConnectorSpec build() {
            return new ConnectorSpec(
                    id, kind, category, title, description, icon, outputs, properties, help, dynamicPorts, sampleEvent);
        }
    }
}
