package dev.switchboard.runtime.model;

import dev.switchboard.connector.spi.config.ConfigValue;
import java.util.Objects;

/**
 * One node of a flow: an instance of a connector ({@code type}) with its configuration.
 *
 * @param name display name; null when the file has none
 * @param ui where the designer draws it; null when the file has no position
 */
public record Node(String id, String type, String name, ConfigValue.Fields config, Position ui) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        config = config == null ? ConfigValue.Fields.EMPTY : config;
    }

    public String displayName() {
        return name == null || name.isBlank() ? id : name;
    }

    public Node withConfig(ConfigValue.Fields newConfig) {
        return new Node(id, type, name, newConfig, ui);
    }

    public Node withName(String newName) {
        return new Node(id, type, newName, config, ui);
    }

    public Node withPosition(Position position) {
        return new Node(id, type, name, config, position);
    }

    public Node withId(String newId) {
        return new Node(newId, type, name, config, ui);
    }
}
