package dev.switchboard.runtime.export;

import java.util.List;

/**
 * What {@link CamelYamlExport} made of a flow: Camel YAML DSL text and what it could not express.
 *
 * @param yaml the routes, with the notes as a comment at the top
 * @param notes what is not exported or only approximated, flow-wide notes first
 */
public record CamelExport(String yaml, List<ExportNote> notes) {

    public CamelExport {
        notes = List.copyOf(notes);
    }
}
