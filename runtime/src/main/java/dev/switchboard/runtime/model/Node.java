package dev.switchboard.runtime.model;

import dev.switchboard.connector.spi.config.ConfigValue;
import java.util.Objects;

/**
 * One node of a flow: an instance of a connector ({@code type}) with its configuration.
 *
 * @param name display name; null when the file has none
 * @param ui where the designer draws it; null when the file has no position
 * @param contract the data contract its events must match; null when it has none
 */
public record Node(
        String id, String type, String name, ConfigValue.Fields config, Position ui, ContractBinding contract) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        config = config == null ? ConfigValue.Fields.EMPTY : config;
    }

    /** A node without a data contract. */
    public Node(String id, String type, String name, ConfigValue.Fields config, Position ui) {
        this(id, type, name, config, ui, null);
    }

    public String displayName() {
        return name == null || name.isBlank() ? id : name;
    }

    public Node withConfig(ConfigValue.Fields newConfig) {
        return new Node(id, type, name, newConfig, ui, contract);
    }

    public Node withName(String newName) {
        return new Node(id, type, newName, config, ui, contract);
    }

    public Node withPosition(Position position) {
        return new Node(id, type, name, config, position, contract);
    }

    public Node withContract(ContractBinding newContract) {
        return new Node(id, type, name, config, ui, newContract);
    }

    public Node withId(String newId) {
        return new Node(newId, type, name, config, ui, contract);
    }
}
