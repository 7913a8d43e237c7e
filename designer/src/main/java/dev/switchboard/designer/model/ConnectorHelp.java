package dev.switchboard.designer.model;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Document;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * A connector's help, parsed from its Markdown ({@code ConnectorSpec.help()}) into commonmark's
 * syntax tree (GitHub tables included): plain Java, so view-models hold it and tests read it
 * without a window; the inspector's view renders the tree. The help's worked example (its block
 * fenced {@code ```json example}, which is also {@code ConnectorSpec.example()}) is one of its code blocks.
 */
public final class ConnectorHelp {
    public static final ConnectorHelp NONE = new ConnectorHelp(new Document());

    // commonmark's parser is immutable and may be shared
    private static final Parser PARSER =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private final Document document;

    private ConnectorHelp(Document document) {
        this.document = document;
    }

    /** The help as written: Markdown, possibly empty or null. */
    public static ConnectorHelp of(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return NONE;
        }
        return new ConnectorHelp((Document) PARSER.parse(markdown));
    }

    public boolean isEmpty() {
        return document.getFirstChild() == null;
    }

    /**
     * The syntax tree, whose top-level children are the help's blocks. Read it only: commonmark's
     * nodes are mutable, and one tree is shared by whoever shows this help.
     */
    public Node document() {
        return document;
    }
}
