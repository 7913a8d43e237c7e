package dev.switchboard.runtime.importer.nodered;

/** Converts one Node-RED node type; throws {@link Unmappable} for settings Switchboard has no equivalent of. */
@FunctionalInterface
interface NodeMapper {
    Mapping map(NodeRedNode node, ImportContext context) throws Unmappable;
}
