package dev.switchboard.designer.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorSpec;
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

        assertThat(blocks(help))
                .extracting(Object::getClass)
                .containsExactly(
                        Heading.class, Paragraph.class, BulletList.class, FencedCodeBlock.class, TableBlock.class);
        assertThat(((Text) help.document().getFirstChild().getFirstChild()).getLiteral())
                .isEqualTo("Rules");
        FencedCodeBlock code = (FencedCodeBlock) blocks(help).get(3);
        assertThat(code.getInfo()).isEqualTo("json");
        assertThat(code.getLiteral()).isEqualTo("{ \"op\": \"gt\" }\n");
    }

    @Test
    void aBuiltInConnectorsWorkedExampleIsOneOfItsCodeBlocks() {
        ConnectorSpec filter =
                ConnectorCatalog.load().find("filter").orElseThrow().spec();

        ConnectorHelp help = ConnectorHelp.of(filter.help());

        assertThat(blocks(help))
                .filteredOn(FencedCodeBlock.class::isInstance)
                .map(FencedCodeBlock.class::cast)
                .filteredOn(code -> code.getInfo().startsWith("json"))
                .extracting(FencedCodeBlock::getLiteral)
                .anySatisfy(literal ->
                        assertThat(literal.strip()).isEqualTo(filter.example().strip()));
    }

    @Test
    void blankHelpIsNone() {
        assertThat(ConnectorHelp.of(null)).isSameAs(ConnectorHelp.NONE);
        assertThat(ConnectorHelp.of("  \n")).isSameAs(ConnectorHelp.NONE);
        assertThat(ConnectorHelp.NONE.isEmpty()).isTrue();
        assertThat(ConnectorHelp.of("text").isEmpty()).isFalse();
    }

    private static List<Node> blocks(ConnectorHelp help) {
        List<Node> blocks = new ArrayList<>();
        for (Node n = help.document().getFirstChild(); n != null; n = n.getNext()) {
            blocks.add(n);
        }
        return blocks;
    }
}
