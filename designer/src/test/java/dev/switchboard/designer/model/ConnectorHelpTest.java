package dev.switchboard.designer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.junit.jupiter.api.Test;

class ConnectorHelpTest {

    @Test
    void parsesHeadingsParagraphsListsCodeBlocksAndTables() {
        ConnectorHelp help = ConnectorHelp.of("""
                ## Rules
                Each rule is `field` `op` `value`.

                - **Numbers** compare as decimals
                - *Texts* compare as text

                ```json
                { "op": "gt" }
                ```

                | op | meaning |
                |----|---------|
                | `gt` | greater |
                """);

        assertThat(blocks(help)).extracting(Object::getClass).containsExactly(
                Heading.class, Paragraph.class, BulletList.class, FencedCodeBlock.class, TableBlock.class);
        assertThat(((Text) help.document().getFirstChild().getFirstChild()).getLiteral()).isEqualTo("Rules");
        FencedCodeBlock code = (FencedCodeBlock) blocks(help).get(3);
        assertThat(code.getInfo()).isEqualTo("json");
        assertThat(code.getLiteral()).isEqualTo("{ \"op\": \"gt\" }\n");
    }

    @Test
    void anExampleConfigIsAppendedAsItsOwnSectionWithAJsonCodeBlock() {
        ConnectorHelp help = ConnectorHelp.of("Lets matching events through.", "\n{\"match\": \"all\"}\n\n");

        List<Node> blocks = blocks(help);
        assertThat(blocks).extracting(Object::getClass)
                .containsExactly(Paragraph.class, Heading.class, FencedCodeBlock.class);
        assertThat(((Text) blocks.get(1).getFirstChild()).getLiteral()).isEqualTo(ConnectorHelp.EXAMPLE_HEADING);
        assertThat(((FencedCodeBlock) blocks.get(2)).getLiteral()).isEqualTo("{\"match\": \"all\"}\n");
        assertThat(((FencedCodeBlock) blocks.get(2)).getInfo()).isEqualTo("json");
    }

    @Test
    void blankHelpWithoutExampleIsNone() {
        assertThat(ConnectorHelp.of(null)).isSameAs(ConnectorHelp.NONE);
        assertThat(ConnectorHelp.of("  \n", "")).isSameAs(ConnectorHelp.NONE);
        assertThat(ConnectorHelp.NONE.isEmpty()).isTrue();
        assertThat(ConnectorHelp.of("", "{}").isEmpty()).isFalse();
    }

    private static List<Node> blocks(ConnectorHelp help) {
        List<Node> blocks = new ArrayList<>();
        for (Node n = help.document().getFirstChild(); n != null; n = n.getNext()) {
            blocks.add(n);
        }
        return blocks;
    }
}
