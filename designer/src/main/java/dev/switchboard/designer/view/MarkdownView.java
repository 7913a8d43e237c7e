package dev.switchboard.designer.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;

/**
 * Renders a commonmark syntax tree (connector help) as JavaFX nodes: headings and paragraphs as
 * wrapping {@link TextFlow}s of styled {@link Text}s (bold, italic, inline code, links as text with
 * their address in a tooltip), lists as marker + content rows, code blocks as monospace blocks that
 * scroll sideways rather than wrap, tables as grids. Style classes are the {@code MD_*} ones in
 * {@link Styles}; nothing is styled inline. Read-only: nothing here is editable or clickable.
 */
public final class MarkdownView {
    /** Table columns whose longest cell has at most this many characters are not wrapped. */
    private static final int SHORT_CELL = 16;

    private MarkdownView() {}

    /** The document's blocks, top to bottom, in a box with the {@link Styles#MARKDOWN} class. */
    public static VBox render(Node document) {
        VBox box = blocks(document);
        box.getStyleClass().add(Styles.MARKDOWN);
        return box;
    }

    private static VBox blocks(Node parent) {
        VBox box = new VBox();
        box.getStyleClass().add(Styles.MD_BLOCKS);
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            javafx.scene.Node block = block(child);
            if (block != null) {
                box.getChildren().add(block);
            }
        }
        return box;
    }

    private static javafx.scene.Node block(Node node) {
        if (node instanceof Heading heading) {
            TextFlow flow = inlines(heading, Styles.MD_HEADING);
            flow.getStyleClass().add(Styles.MD_HEADING_PREFIX + Math.min(3, heading.getLevel()));
            return flow;
        }
        if (node instanceof Paragraph paragraph) {
            return inlines(paragraph, Styles.MD_PARAGRAPH);
        }
        if (node instanceof FencedCodeBlock code) {
            return codeBlock(code.getLiteral());
        }
        if (node instanceof IndentedCodeBlock code) {
            return codeBlock(code.getLiteral());
        }
        if (node instanceof HtmlBlock html) {
            return codeBlock(html.getLiteral());
        }
        if (node instanceof ListBlock list) {
            return list(list);
        }
        if (node instanceof BlockQuote quote) {
            VBox box = blocks(quote);
            box.getStyleClass().add(Styles.MD_QUOTE);
            return box;
        }
        if (node instanceof TableBlock table) {
            return table(table);
        }
        if (node instanceof ThematicBreak) {
            return new javafx.scene.control.Separator();
        }
        return null;
    }

    private static javafx.scene.Node codeBlock(String literal) {
        Text text = new Text(literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal);
        text.getStyleClass().addAll(Styles.MD_TEXT, Styles.MD_CODE_TEXT);
        ScrollPane block = new ScrollPane(text);
        block.getStyleClass().add(Styles.MD_CODE_BLOCK);
        block.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        block.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        block.setFitToHeight(true);
        // as tall as the code plus room for the sideways scroll bar: never a vertical one
        block.minViewportHeightProperty().bind(text.layoutBoundsProperty().map(b -> b.getHeight()));
        block.prefViewportHeightProperty().bind(block.minViewportHeightProperty());
        return block;
    }

    private static VBox list(ListBlock list) {
        VBox box = new VBox();
        box.getStyleClass().add(Styles.MD_LIST);
        int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                ? ordered.getMarkerStartNumber()
                : 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            Label marker = new Label(list instanceof OrderedList ? number++ + "." : "•");
            marker.getStyleClass().add(Styles.MD_LIST_MARKER);
            marker.setMinWidth(Label.USE_PREF_SIZE);
            VBox content = blocks(item);
            HBox.setHgrow(content, Priority.ALWAYS);
            content.setMinWidth(0);
            HBox row = new HBox(marker, content);
            row.setAlignment(Pos.TOP_LEFT);
            row.getStyleClass().add(Styles.MD_LIST_ITEM);
            box.getChildren().add(row);
        }
        return box;
    }

    /**
     * A column whose cells are all short keeps its natural width and never wraps (operators,
     * status codes); the other columns share what is left and wrap.
     */
    private static GridPane table(TableBlock table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add(Styles.MD_TABLE);
        List<Integer> longest = new ArrayList<>();
        int row = 0;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node tr = section.getFirstChild(); tr != null; tr = tr.getNext()) {
                if (!(tr instanceof TableRow)) {
                    continue;
                }
                int column = 0;
                for (Node td = tr.getFirstChild(); td != null; td = td.getNext(), column++) {
                    boolean header = td instanceof TableCell cell && cell.isHeader();
                    grid.add(inlines(td, header ? Styles.MD_TABLE_HEADER : Styles.MD_TABLE_CELL), column, row);
                    if (longest.size() <= column) {
                        longest.add(0);
                    }
                    longest.set(column, Math.max(longest.get(column), plainLength(td)));
                }
                row++;
            }
        }
        for (int length : longest) {
            ColumnConstraints constraints = new ColumnConstraints();
            if (length <= SHORT_CELL) {
                constraints.setMinWidth(Region.USE_PREF_SIZE);
                constraints.setHgrow(Priority.NEVER);
            } else {
                constraints.setMinWidth(0);
                constraints.setPrefWidth(0);
                constraints.setHgrow(Priority.ALWAYS);
            }
            grid.getColumnConstraints().add(constraints);
        }
        return grid;
    }

    private static TextFlow inlines(Node parent, String styleClass) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        flow.setMinWidth(0);
        appendInlines(flow, parent, List.of());
        return flow;
    }

    private static void appendInlines(TextFlow flow, Node parent, List<String> classes) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof org.commonmark.node.Text text) {
                flow.getChildren().add(text(text.getLiteral(), classes));
            } else if (node instanceof Code code) {
                flow.getChildren().add(text(code.getLiteral(), with(classes, Styles.MD_CODE)));
            } else if (node instanceof Emphasis) {
                appendInlines(flow, node, with(classes, Styles.MD_EMPHASIS));
            } else if (node instanceof StrongEmphasis) {
                appendInlines(flow, node, with(classes, Styles.MD_STRONG));
            } else if (node instanceof Link link) {
                int first = flow.getChildren().size();
                appendInlines(flow, node, with(classes, Styles.MD_LINK));
                Tooltip tip = new Tooltip(link.getDestination());
                flow.getChildren().subList(first, flow.getChildren().size()).forEach(n -> Tooltip.install(n, tip));
            } else if (node instanceof Image) {
                appendInlines(flow, node, classes);
            } else if (node instanceof SoftLineBreak) {
                flow.getChildren().add(text(" ", classes));
            } else if (node instanceof HardLineBreak) {
                flow.getChildren().add(text("\n", classes));
            } else if (node instanceof HtmlInline html) {
                flow.getChildren().add(text(html.getLiteral(), classes));
            } else {
                appendInlines(flow, node, classes);
            }
        }
    }

    private static Text text(String literal, List<String> classes) {
        Text text = new Text(literal);
        text.getStyleClass().add(Styles.MD_TEXT);
        text.getStyleClass().addAll(classes);
        return text;
    }

    private static List<String> with(List<String> classes, String added) {
        List<String> all = new ArrayList<>(classes);
        all.add(added);
        return all;
    }

    private static int plainLength(Node parent) {
        int length = 0;
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof org.commonmark.node.Text text) {
                length += text.getLiteral().length();
            } else if (node instanceof Code code) {
                length += code.getLiteral().length();
            } else {
                length += plainLength(node);
            }
        }
        return length;
    }
}
