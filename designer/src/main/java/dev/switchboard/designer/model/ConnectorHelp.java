package dev.switchboard.designer.model;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * A connector's help, parsed from its Markdown ({@code ConnectorSpec.help()}) into commonmark's
 * syntax tree (GitHub tables included): plain Java, so view-models hold it and tests read it
 * without a window; the inspector's view renders the tree. An example config can be appended as
 * its own section ({@link #of(String, String)}), so a connector's example JSON shows up as one
 * more code block without any change to the view.
 */
public final class ConnectorHelp {
    /** The heading of the section {@link #of(String, String)} appends for an example config. */
    public static final String EXAMPLE_HEADING = "Example";
    public static final ConnectorHelp NONE = new ConnectorHelp(new Document());

    // commonmark's parser is immutable and may be shared
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private final Document document;

    private ConnectorHelp(Document document) {
        this.document = document;
    }

    /** The help as written: Markdown, possibly empty or null. */
    public static ConnectorHelp of(String markdown) {
        return of(markdown, "");
    }

    /**
     * The help, then (when {@code exampleJson} is not blank) an {@value #EXAMPLE_HEADING} heading
     * and the example as a {@code json} code block.
     */
    public static ConnectorHelp of(String markdown, String exampleJson) {
        boolean noText = markdown == null || markdown.isBlank();
        boolean noExample = exampleJson == null || exampleJson.isBlank();
        if (noText && noExample) {
            return NONE;
        }
        Document document = noText ? new Document() : (Document) PARSER.parse(markdown);
        if (!noExample) {
            Heading heading = new Heading();
            heading.setLevel(3);
            heading.appendChild(new Text(EXAMPLE_HEADING));
            document.appendChild(heading);
            FencedCodeBlock code = new FencedCodeBlock();
            code.setInfo("json");
            code.setLiteral(exampleJson.strip() + "\n");
            document.appendChild(code);
        }
        return new ConnectorHelp(document);
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
