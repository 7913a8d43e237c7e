package dev.switchboard.connector.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connector.spi.Event;
import org.junit.jupiter.api.Test;

class TemplateTest {
    static final Event EVENT = Event.create("/src", "com.example.t", Json.parse("""
            { "name": "Ada", "n": 42, "price": 9.90, "tags": ["a", "b"], "obj": { "k": "v" }, "empty": "", "nil": null,
              "code": "{{data.secret}}", "secret": "s3cr3t" }"""));

    static String render(String template) {
        return Template.parse(template).render(EVENT);
    }

    @Test
    void rendersLiteralsAndLookups() {
        assertThat(render("Hi {{data.name}}, you have {{ data.n }} points")).isEqualTo("Hi Ada, you have 42 points");
        assertThat(render("no look-ups")).isEqualTo("no look-ups");
        assertThat(Template.parse("no look-ups").isConstant()).isTrue();
    }

    @Test
    void missingAndNullRenderEmpty() {
        assertThat(render("[{{data.nope}}][{{data.nil}}][{{data.nope.deeper}}]"))
                .isEqualTo("[][][]");
    }

    @Test
    void containersRenderAsCompactJson() {
        assertThat(render("{{data.tags}} {{data.obj}}")).isEqualTo("[\"a\",\"b\"] {\"k\":\"v\"}");
        assertThat(render("{{data.tags[1]}}")).isEqualTo("b");
    }

    @Test
    void renderJsonKeepsTheTypeOfASingleLookupOnly() {
        assertThat(Template.parse("{{data.n}}").renderJson(EVENT).isIntegralNumber())
                .isTrue();
        assertThat(Template.parse("{{data.price}}").renderJson(EVENT).decimalValue())
                .isEqualByComparingTo("9.90");
        assertThat(Template.parse("{{data.tags}}").renderJson(EVENT).isArray()).isTrue();
        assertThat(Template.parse("{{data.nope}}").renderJson(EVENT).isNull()).isTrue();
        assertThat(Template.parse("n={{data.n}}").renderJson(EVENT).textValue()).isEqualTo("n=42");
    }

    @Test
    void eventDataIsNeverRenderedAgain() {
        assertThat(render("{{data.code}}")).isEqualTo("{{data.secret}}");
    }

    @Test
    void formattersChainLeftToRightAndQuotedArgumentsMayHoldPipes() {
        assertThat(render("{{data.nope | default:'a|b' | upper}}")).isEqualTo("A|B");
        assertThat(render("{{data.empty | default:\"none\"}}")).isEqualTo("none");
    }

    @Test
    void secretAndEnvReferencesStayLiteral() {
        assertThat(render("Bearer {{secret:TOKEN}} at {{env:HOST}}"))
                .isEqualTo("Bearer {{secret:TOKEN}} at {{env:HOST}}");
    }

    @Test
    void listsThePathsItReads() {
        assertThat(Template.parse("{{data.a}} {{type}} {{data.b | upper}}").paths())
                .extracting(Object::toString)
                .containsExactly("data.a", "type", "data.b");
    }

    @Test
    void parseErrorsSayWhatIsWrong() {
        assertThatThrownBy(() -> Template.parse("{{data.x | shout}}"))
                .hasMessageContaining("Unknown formatter 'shout'");
        assertThatThrownBy(() -> Template.parse("{{data..x}}")).hasMessageContaining("empty segment");
        assertThat(Template.problem("{{data.x | date:'EEE, d MMM yyyy'}}")).isNull();
        assertThat(Template.problem("{{data.x | date:'yyyy-{'}}")).contains("not a date pattern");
        assertThat(Template.problem("{{data.x | default}}")).contains("default needs a value");
        assertThat(Template.problem("fine {{data.x}}")).isNull();
    }
}
