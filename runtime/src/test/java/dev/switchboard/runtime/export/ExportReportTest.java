package dev.switchboard.runtime.export;

import static dev.switchboard.runtime.export.ExportFlows.chain;
import static dev.switchboard.runtime.export.ExportFlows.example;
import static dev.switchboard.runtime.export.ExportFlows.export;
import static dev.switchboard.runtime.export.ExportFlows.flow;
import static dev.switchboard.runtime.export.ExportFlows.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.model.Wire;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What cannot be expressed is in the report and, line for line, in the file's opening comment. */
class ExportReportTest {

    @Test
    void everyExportNamesWhatSwitchboardsRuntimeKeepsAndCamelDoesNot() {
        CamelExport export = export(chain("f", node("hook", "webhook", "path", "/h"), node("l", "log")));
        assertThat(export.notes())
                .extracting(ExportNote::feature)
                .contains("durable inbox", "retries, dead letters, replay", "run history", "event envelope");
    }

    @Test
    void eachNoteIsAlsoACommentAtTheTopOfTheFile() {
        CamelExport export =
                export(chain("f", example("hook", "webhook"), example("d", "dedupe"), example("crm", "http.request")));
        String header = export.yaml().substring(0, export.yaml().indexOf("\n\n"));
        assertThat(export.notes()).isNotEmpty();
        for (ExportNote note : export.notes()) {
            assertThat(header).contains("#   - " + note.describe());
        }
        assertThat(header.lines()).allMatch(line -> line.startsWith("#"));
    }

    @Test
    void signatureChecksDedupeAndRetriesAreReportedNotDropped() {
        CamelExport export =
                export(chain("f", example("hook", "webhook"), example("d", "dedupe"), example("crm", "http.request")));
        assertThat(export.notes())
                .extracting(ExportNote::describe)
                .anySatisfy(n -> assertThat(n).startsWith("node hook: auth hmac-sha256 — not exported"))
                .anySatisfy(n -> assertThat(n).startsWith("node d: dedupe not exported — the dedupe store"))
                .anySatisfy(n -> assertThat(n).startsWith("node crm: retries — not exported"));
    }

    @Test
    void saasTriggersAreReportedAndTheirRouteStartsAtADirectInput() throws Exception {
        CamelExport export = export(chain("f", example("pay", "stripe.event"), node("l", "log")));
        assertThat(export.notes())
                .extracting(ExportNote::describe)
                .anySatisfy(n ->
                        assertThat(n).startsWith("node pay: stripe.event not exported — the vendor's signature check"));
        assertThat(TranslatorsTest.route(chain("f", example("pay", "stripe.event"), node("l", "log")), "f.pay")
                        .at("/from/uri")
                        .asText())
                .isEqualTo("direct:f.pay");
    }

    @Test
    void rulesOnEnvelopeAttributesAreLeftOutAndSaid() throws Exception {
        var filter = node(
                "hot",
                "filter",
                "rules",
                ConfigValue.list(
                        ConfigValue.object("field", "type", "op", "eq", "value", "order.created"),
                        ConfigValue.object("field", "data.ok", "op", "eq", "value", true)));
        CamelExport export = export(chain("f", node("hook", "webhook", "path", "/h"), filter, node("l", "log")));
        assertThat(export.notes())
                .extracting(ExportNote::describe)
                .contains(
                        "node hot: rule on type — envelope attributes are not carried by the exported routes; the rule"
                                + " is left out");
        assertThat(TranslatorsTest.route(
                                chain("f", node("hook", "webhook", "path", "/h"), filter, node("l", "log")), "f.hot")
                        .at("/from/steps/0/filter/expression/jsonpath/expression")
                        .asText())
                .isEqualTo("$[?(@.ok == true)]");
    }

    @Test
    void unexportableFormattersAndErrorPortsAreReported() {
        var map = node("m", "map", "fields", ConfigValue.object("day", "{{data.at | date:'yyyy-MM-dd'}}"));
        var call = node("call", "http.request", "url", "http://127.0.0.1:1/x");
        CamelExport export = export(flow(
                "f",
                List.of(node("hook", "webhook", "path", "/h"), map, call, node("oops", "log")),
                List.of(Wire.of("hook", "m"), Wire.of("m", "call"), Wire.of("call", "error", "oops"))));
        assertThat(export.notes())
                .extracting(ExportNote::describe)
                .contains(
                        "node m: fields.day: formatter date:'yyyy-MM-dd' — has no JSONata equivalent here; the raw value"
                                + " is used",
                        "node call: error port — not exported: a failure ends the exchange with Camel's error handler");
    }

    @Test
    void secretsStayReferencesAndAreListedAsPlaceholders() {
        CamelExport export = export(chain("f", example("hook", "webhook"), example("crm", "http.request")));
        assertThat(export.yaml())
                .contains("# Property placeholders to provide (application.properties, -D or environment):\n"
                        + "#   CRM_TOKEN\n#   LEADS_HOOK\n")
                .contains("Bearer {{CRM_TOKEN}}")
                .doesNotContain("{{secret:");
    }
}
