package dev.switchboard.runtime.importer.nodered;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.validate.FlowValidator;
import dev.switchboard.runtime.validate.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shop export (three tabs: an HTTP API, MQTT telemetry with link nodes, a rate-limited poller) converted whole. */
class NodeRedImporterTest {
    private static final FlowValidator VALIDATOR = new FlowValidator(ConnectorCatalog.load());
    private static ImportResult result;

    static String resource(String name) throws IOException {
        try (InputStream in = NodeRedImporterTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeAll
    static void convert() throws Exception {
        result = NodeRedImporter.convert(NodeRedExport.parse(resource("/nodered/shop-flows.json")));
    }

    static Flow flow(String id) {
        return result.flows().stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    static String config(Flow flow, String nodeId) {
        return FlowCodec.writeValueToString(flow.node(nodeId).orElseThrow().config());
    }

    @Test
    void oneFlowPerTabInTabOrderWithTheTabsLabelAndInfo() {
        assertThat(result.flows()).extracting(Flow::id).containsExactly("orders-api", "telemetry", "rate-limited");
        assertThat(result.flows()).extracting(Flow::name).containsExactly("Orders API", "Telemetry", "Rate limited");
        assertThat(flow("orders-api").description())
                .isEqualTo("Takes orders from the shop and forwards the big ones to the ERP.\n\n"
                        + "Comments from Node-RED:\n\n- Orders arrive here: The shop posts every order.");
    }

    @Test
    void theHttpApiBecomesWebhookSwitchMapAndHttpRequest() {
        Flow orders = flow("orders-api");

        assertThat(orders.nodes())
                .extracting(Node::id, Node::type, Node::disabled)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("post-orders", "webhook", false),
                        org.assertj.core.groups.Tuple.tuple("by-total", "switch", false),
                        org.assertj.core.groups.Tuple.tuple("mark-big", "map", false),
                        org.assertj.core.groups.Tuple.tuple("post-to-erp", "http.request", false),
                        org.assertj.core.groups.Tuple.tuple("summary", "map", false),
                        org.assertj.core.groups.Tuple.tuple("to-audit", "event.publish", false),
                        org.assertj.core.groups.Tuple.tuple("enrich", "nodered.function", true),
                        org.assertj.core.groups.Tuple.tuple("small-orders", "log", false));
        assertThat(config(orders, "post-orders")).isEqualTo("{\"path\":\"/orders\",\"method\":\"POST\"}");
        assertThat(config(orders, "by-total"))
                .isEqualTo("{\"mode\":\"first\",\"branches\":["
                        + "{\"name\":\"rule1\",\"match\":\"all\",\"rules\":[{\"field\":\"data.total\",\"op\":\"gte\",\"value\":1000}]},"
                        + "{\"name\":\"rule2\",\"match\":\"all\",\"rules\":[{\"field\":\"data.total\",\"op\":\"gte\",\"value\":100},"
                        + "{\"field\":\"data.total\",\"op\":\"lte\",\"value\":999.99}]}]}");
        assertThat(config(orders, "mark-big"))
                .isEqualTo(
                        "{\"fields\":{\"priority\":\"high\",\"customerEmail\":\"{{data.customer.email}}\"},\"mode\":\"merge\"}");
        assertThat(config(orders, "post-to-erp"))
                .isEqualTo("{\"method\":\"POST\",\"url\":\"https://erp.example.com/api/orders/{{data.id}}\","
                        + "\"headers\":{\"X-Source\":\"shop\",\"Accept\":\"application/json\"},"
                        + "\"auth\":\"bearer\",\"token\":\"{{secret:NODERED_POST_TO_ERP_TOKEN}}\"}");
        assertThat(config(orders, "summary"))
                .isEqualTo(
                        "{\"fields\":{\"summary\":\"Order {{data.id}} for {{data.customer.name}}\"},\"mode\":\"merge\"}");
        assertThat(config(orders, "to-audit")).isEqualTo("{\"topic\":\"nodered/link/audit\"}");
        assertThat(config(orders, "small-orders")).isEqualTo("{\"level\":\"info\",\"message\":\"{{data | json}}\"}");
        assertThat(orders.wires())
                .containsExactly(
                        Wire.of("post-orders", "by-total"),
                        Wire.of("by-total", "rule1", "mark-big"),
                        Wire.of("by-total", "rule2", "summary"),
                        Wire.of("by-total", "default", "enrich"),
                        Wire.of("mark-big", "post-to-erp"),
                        Wire.of("summary", "to-audit"),
                        Wire.of("enrich", "small-orders"));
    }

    @Test
    void aFunctionIsADisabledPlaceholderKeepingItsCode() {
        Node enrich = flow("orders-api").node("enrich").orElseThrow();

        assertThat(enrich.disabled()).isTrue();
        assertThat(enrich.name()).isEqualTo("Enrich");
        assertThat(FlowCodec.writeValueToString(enrich.config().values().get(NodeRedImporter.ORIGINAL)))
                .startsWith("{\"id\":\"8293a4b5c6d7e8f9\",\"type\":\"function\"")
                .contains("\"func\":\"msg.payload.small = true;\\nreturn msg;\"");
        assertThat(enrich.config()
                        .values()
                        .get(NodeRedImporter.REASON)
                        .toPlain()
                        .toString())
                .startsWith("its JavaScript is not run");
    }

    @Test
    void mqttAndLinkNodesUseTheBrokerConfigAndSharedTopics() {
        Flow telemetry = flow("telemetry");

        assertThat(config(telemetry, "sensors"))
                .isEqualTo(
                        "{\"brokerUrl\":\"tcp://localhost:1883\",\"topic\":\"sensors/+/temperature\",\"qos\":\"1\"}");
        assertThat(config(telemetry, "too-hot"))
                .isEqualTo("{\"match\":\"all\",\"rules\":[{\"field\":\"data.celsius\",\"op\":\"gt\",\"value\":30}]}");
        assertThat(config(telemetry, "alerts"))
                .isEqualTo(
                        "{\"brokerUrl\":\"tcp://localhost:1883\",\"topic\":\"alerts/temperature\",\"qos\":\"1\",\"retained\":true}");
        assertThat(config(telemetry, "audit")).isEqualTo("{\"topic\":\"nodered/link/audit\"}");
        assertThat(telemetry.node("audit").orElseThrow().type()).isEqualTo("event.subscribe");
        assertThat(telemetry.node("audit-log").orElseThrow().disabled())
                .as("a debug switched off in Node-RED")
                .isTrue();
        assertThat(config(telemetry, "every-minute"))
                .isEqualTo("{\"mode\":\"interval\",\"interval\":\"60s\",\"payload\":{\"ping\":true}}");
        assertThat(telemetry.wires())
                .contains(Wire.of("too-hot", "matched", "alerts"), Wire.of("sensors", "store-reading"));
    }

    @Test
    void theFlowsPassValidationWithOnlyThePlaceholdersWarnings() {
        for (String id : List.of("orders-api", "telemetry")) {
            List<Problem> problems = VALIDATOR.validate(flow(id));

            assertThat(problems).as(id).noneMatch(Problem::isError);
            assertThat(problems).as(id).allSatisfy(p -> assertThat(p.message()).containsAnyOf("disabled"));
        }
        assertThat(VALIDATOR.validate(flow("orders-api")))
                .extracting(Problem::pointer)
                .containsExactlyInAnyOrder("/nodes/6/disabled", "/nodes/7");
    }

    @Test
    void rateLimitsDelaysSplitsJoinsAndJsonataAreWrittenForTheirSteps() {
        Flow poller = flow("rate-limited");

        assertThat(config(poller, "weekdays")).isEqualTo("{\"mode\":\"cron\",\"cron\":\"0 */5 8-17 ? * 2-6\"}");
        assertThat(poller.node("each-order").orElseThrow().type()).isEqualTo("split");
        assertThat(config(poller, "each-order")).isEqualTo("{\"field\":\"data.body.orders\"}");
        assertThat(poller.node("2-per-second").orElseThrow().type()).isEqualTo("throttle");
        assertThat(config(poller, "2-per-second")).isEqualTo("{\"rate\":2,\"per\":\"1s\",\"excess\":\"wait\"}");
        assertThat(poller.node("settle").orElseThrow().type()).isEqualTo("delay");
        assertThat(config(poller, "settle")).isEqualTo("{\"duration\":\"1500ms\"}");
        assertThat(config(poller, "reshape"))
                .isEqualTo("{\"jsonata\":\"{\\\"payload\\\": data}.(\\n{ \\\"sku\\\": payload.sku, \\\"qty\\\":"
                        + " payload.quantity }\\n)\"}");
        assertThat(poller.node("ten-at-a-time").orElseThrow().type()).isEqualTo("batch");
        assertThat(config(poller, "ten-at-a-time")).isEqualTo("{\"size\":10,\"window\":\"5s\"}");
        assertThat(poller.wires()).hasSize(7);
        assertThat(VALIDATOR.validate(poller)).noneMatch(Problem::isError);
    }

    @Test
    void theReportNamesEveryPlaceholderAndWhatWasLeftOut() {
        assertThat(result.findings(ImportFinding.Kind.PLACEHOLDER))
                .extracting(
                        ImportFinding::nodeRedType,
                        ImportFinding::nodeRedId,
                        ImportFinding::name,
                        ImportFinding::nodeId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("function", "8293a4b5c6d7e8f9", "Enrich", "enrich"),
                        org.assertj.core.groups.Tuple.tuple(
                                "influxdb out", "f90a1b2c3d4e5f60", "Store reading", "store-reading"),
                        org.assertj.core.groups.Tuple.tuple("catch", "05162738495a6b7c", "Errors", "errors"));
        assertThat(result.findings(ImportFinding.Kind.DROPPED))
                .extracting(ImportFinding::nodeRedType)
                .containsExactly("comment", "http response");
        assertThat(result.findings(ImportFinding.Kind.DROPPED).get(1).describe())
                .isEqualTo("orders-api: dropped: http response \"Done\" (5f60718293041526): not needed: the webhook"
                        + " trigger answers 202 {\"id\": …} itself once the event is stored; the status 201, headers and"
                        + " body this node sent are not reproduced");
        assertThat(result.findings(ImportFinding.Kind.NOTE))
                .extracting(ImportFinding::describe)
                .contains("orders-api/post-to-erp: note: http request \"Post to ERP\" (4e5f607182930415): credentials"
                        + " are not in a Node-RED export: set the secret NODERED_POST_TO_ERP_TOKEN");
    }

    @Test
    void positionsKeepTheLayoutStretchedSoCardsDoNotOverlap() throws Exception {
        NodeRedExport export = NodeRedExport.parse(resource("/nodered/shop-flows.json"));
        for (Flow flow : result.flows()) {
            List<Node> nodes = flow.nodes();
            for (int i = 0; i < nodes.size(); i++) {
                for (int j = i + 1; j < nodes.size(); j++) {
                    Node a = nodes.get(i);
                    Node b = nodes.get(j);
                    assertThat(Math.abs(a.ui().x() - b.ui().x()) >= CanvasLayout.CARD_WIDTH
                                    || Math.abs(a.ui().y() - b.ui().y()) >= CanvasLayout.CARD_HEIGHT)
                            .as("%s and %s overlap in %s", a.id(), b.id(), flow.id())
                            .isTrue();
                    NodeRedNode ra = original(export, flow, a);
                    NodeRedNode rb = original(export, flow, b);
                    assertThat(Math.signum(a.ui().x() - b.ui().x()))
                            .isEqualTo(Math.signum(ra.centre().x() - rb.centre().x()));
                    assertThat(Math.signum(a.ui().y() - b.ui().y()))
                            .isEqualTo(Math.signum(ra.centre().y() - rb.centre().y()));
                }
            }
        }
        assertThat(flow("orders-api").node("post-orders").orElseThrow().ui().x())
                .isEqualTo(CanvasLayout.ORIGIN);
    }

    private static NodeRedNode original(NodeRedExport export, Flow flow, Node node) {
        return export.node(result.origin(flow.id(), node.id()).orElseThrow()).orElseThrow();
    }
}
