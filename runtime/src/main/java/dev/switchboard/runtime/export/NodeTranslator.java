package dev.switchboard.runtime.export;

import java.util.List;

/**
 * Writes the nodes of some connector types as Camel YAML DSL, one translator per connector family
 * (Camel's one-reifier-per-definition style). A translator reads only its own node's config.
 */
interface NodeTranslator {

    /** The connector ids this translator writes. */
    List<String> types();

    void translate(NodeExport node);
}
