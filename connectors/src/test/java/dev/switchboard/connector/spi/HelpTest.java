package dev.switchboard.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connector.filter.FilterConnector;
import dev.switchboard.connector.rules.Operator;
import dev.switchboard.connector.rules.RuleProperties;
import org.junit.jupiter.api.Test;

class HelpTest {
    @Test
    void loadsMarkdownBesideTheClassAndAbsoluteFragments() {
        String help = Help.load(FilterConnector.class, "filter.md", RuleProperties.HELP);

        assertThat(help)
                .startsWith("Lets through only the events you want.")
                .contains("\n\n### Rules\n")
                .endsWith("\n");
        assertThat(new FilterConnector().spec().help()).isEqualTo(help);
    }

    @Test
    void aMissingHelpFailsLoudlyNamingWhereItWasExpected() {
        assertThatThrownBy(() -> Help.load(FilterConnector.class, "nope.md"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(FilterConnector.class.getName())
                .hasMessageContaining("dev/switchboard/connector/filter/nope.md");
        assertThatThrownBy(() -> ConnectorSpec.builder("x", ConnectorKind.STEP).helpResource(HelpTest.class, "x.md"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theExampleIsTheBlockMarkedJsonExample() {
        String markdown = """
                Intro.
                ```json
                { "not": "this" }
                ```
                ```json example
                { "topic": "orders",
                  "n": 1 }
                ```
                ```json example
                { "second": true }
                ```
                """;

        assertThat(Help.example(markdown)).isEqualTo("{ \"topic\": \"orders\",\n  \"n\": 1 }");
        assertThat(Help.examples(markdown)).hasSize(2);
        assertThat(Help.example("no example here")).isEmpty();
        assertThat(ConnectorSpec.builder("x", ConnectorKind.STEP)
                        .help(markdown)
                        .build()
                        .example())
                .isEqualTo(Help.example(markdown));
    }

    @Test
    void theRulesSectionListsEveryOperatorWithItsMeaning() {
        String rules = Help.load(RuleProperties.class, RuleProperties.HELP);

        for (Operator op : Operator.values()) {
            assertThat(rules).as(op.word()).contains("| `" + op.word() + "` | " + op.meaning() + " |");
        }
    }
}
