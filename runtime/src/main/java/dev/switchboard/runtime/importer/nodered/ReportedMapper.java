package dev.switchboard.runtime.importer.nodered;

/** A node type with no counterpart but a known Switchboard way to get what it did: a placeholder with that advice. */
final class ReportedMapper implements NodeMapper {
    private final String reason;

    ReportedMapper(String reason) {
        this.reason = reason;
    }

    @Override
    public Mapping map(NodeRedNode node, ImportContext context) {
        return new Mapping.Placeholder(reason);
    }
}
