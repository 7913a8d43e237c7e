package dev.switchboard.runtime.model;

import dev.switchboard.connector.spi.config.ConfigValue;
import java.util.Objects;

/**
 * One node of a flow: an instance of a connector ({@code type}) with its configuration.
 *
 * @param name display name; null when the file has none
 * @param ui where the designer draws it; null when the file has no position
 * @param contract the data contract its events must match; null when it has none
 * @param disabled kept in the file but not run: it is not compiled, its type and config are not
 *     checked, and the wires into and out of it carry nothing (an imported node Switchboard cannot
 *     run is kept this way so the graph stays readable)
 */
public record Node(
        String id,
        String type,
        String name,
        ConfigValue.Fields config,
        Position ui,
        ContractBinding contract,
        boolean disabled) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        config = config == null ? ConfigValue.Fields.EMPTY : config;
    }

    /** An enabled node without a data contract. */
    public Node(String id, String type, String name, ConfigValue.Fields config, Position ui) {
        this(id, type, name, config, ui, null, false);
    }

    /** An enabled node. */
    public Node(String id, String type, String name, ConfigValue.Fields config, Position ui, ContractBinding contract) {
        this(id, type, name, config, ui, contract, false);
    }

    /** A node without a data contract. */
    public Node(String id, String type, String name, ConfigValue.Fields config, Position ui, boolean disabled) {
        this(id, type, name, config, ui, null, disabled);
    }

    public String displayName() {
        return name != null && !name.isBlank() ? name : id;
    }

    public Node withConfig(ConfigValue.Fields newConfig) {
        return new Node(id, type, name, newConfig, ui, contract, disabled);
    }

    public Node withName(String newName) {
        return new Node(id, type, newName, config, ui, contract, disabled);
    }

    public Node withPosition(Position position) {
        return new Node(id, type, name, config, position, contract, disabled);
    }

    public Node withContract(ContractBinding newContract) {
        return new Node(id, type, name, config, ui, newContract, disabled);
    }

    public Node withId(String newId) {
        return new Node(newId, type, name, config, ui, contract, disabled);
    }

    public Node withDisabled(boolean newDisabled) {
        return new Node(id, type, name, config, ui, contract, newDisabled);
    }
}
