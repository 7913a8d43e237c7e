package dev.switchboard.runtime.importer.nodered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Single nodes in small exports: each mapper's conversions and the settings it refuses. */
class NodeMappersTest {
    private static final String TAB = "{\"id\": \"t1\", \"type\": \"tab\", \"label\": \"Tab\"}";

    /** An export of the tab and these nodes, each given as the fields after id, type and position. */
    static ImportResult convert(String... nodes) throws ImportException {
        StringBuilder json = new StringBuilder("[" + TAB);
        for (String node : nodes) {
            json.append(",\n").append(node);
        }
        return NodeRedImporter.convert(NodeRedExport.parse(json.append("]").toString()));
    }

    static String node(String id, String type, int x, String fields) {
        return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"z\": \"t1\", \"x\": " + x + ", \"y\": 100"
                + (fields.isEmpty() ? "" : ", " + fields) + "}";
    }

    static Node only(ImportResult result) {
        assertThat(result.flows()).hasSize(1);
        return result.flows().get(0).nodes().get(0);
    }

    static String config(Node node) {
        return FlowCodec.writeValueToString(node.config());
    }

    static String placeholderReason(ImportResult result) {
        Node node = only(result);
        assertThat(node.disabled()).isTrue();
        assertThat(node.type()).startsWith(NodeRedImporter.PLACEHOLDER_PREFIX);
        return result.findings(ImportFinding.Kind.PLACEHOLDER).get(0).message();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"t\": \"eq\", \"v\": \"DE\", \"vt\": \"str\"}         | {\"field\":\"data.x\",\"op\":\"eq\",\"value\":\"DE\"}",
                "{\"t\": \"neq\", \"v\": \"3\", \"vt\": \"num\"}         | {\"field\":\"data.x\",\"op\":\"ne\",\"value\":3}",
                "{\"t\": \"lt\", \"v\": \"1.5\", \"vt\": \"num\"}        | {\"field\":\"data.x\",\"op\":\"lt\",\"value\":1.5}",
                "{\"t\": \"lte\", \"v\": \"2\", \"vt\": \"num\"}         | {\"field\":\"data.x\",\"op\":\"lte\",\"value\":2}",
                "{\"t\": \"gt\", \"v\": \"true\", \"vt\": \"bool\"}      | {\"field\":\"data.x\",\"op\":\"gt\",\"value\":true}",
                "{\"t\": \"gte\", \"v\": \"[1,2]\", \"vt\": \"json\"}    | {\"field\":\"data.x\",\"op\":\"gte\",\"value\":[1,2]}",
                "{\"t\": \"cont\", \"v\": \"vip\", \"vt\": \"str\"}      | {\"field\":\"data.x\",\"op\":\"contains\",\"value\":\"vip\"}",
                "{\"t\": \"regex\", \"v\": \"^a.*\", \"case\": true}     | {\"field\":\"data.x\",\"op\":\"matches\",\"value\":\"(?i)^a.*\"}",
                "{\"t\": \"regex\", \"v\": \"^a.*\", \"case\": false}    | {\"field\":\"data.x\",\"op\":\"matches\",\"value\":\"^a.*\"}",
                "{\"t\": \"true\"}                                       | {\"field\":\"data.x\",\"op\":\"eq\",\"value\":true}",
                "{\"t\": \"false\"}                                      | {\"field\":\"data.x\",\"op\":\"eq\",\"value\":false}",
                "{\"t\": \"null\"}                                       | {\"field\":\"data.x\",\"op\":\"exists\",\"value\":false}",
                "{\"t\": \"nnull\"}                                      | {\"field\":\"data.x\",\"op\":\"exists\",\"value\":true}",
                "{\"t\": \"btwn\", \"v\": \"1\", \"vt\": \"num\", \"v2\": \"9\", \"v2t\": \"num\"} | {\"field\":\"data.x\",\"op\":\"gte\",\"value\":1},{\"field\":\"data.x\",\"op\":\"lte\",\"value\":9}"
            })
    void everySwitchOperatorHasItsRule(String rule, String expected) throws Exception {
        Node filter = only(convert(node("s", "switch", 100, "\"property\": \"payload.x\", \"rules\": [" + rule + "]")));

        assertThat(filter.type()).isEqualTo("filter");
        assertThat(config(filter)).isEqualTo("{\"match\":\"all\",\"rules\":[" + expected + "]}");
    }

    @Test
    void switchRulesWithoutCounterpartAreReported() throws Exception {
        assertThat(placeholderReason(
                        convert(node("s", "switch", 100, "\"rules\": [{\"t\": \"istype\", \"v\": \"string\"}]"))))
                .isEqualTo("its rule 1 (istype) has no counterpart in the rule engine's operators");
        assertThat(placeholderReason(convert(
                        node("s", "switch", 100, "\"rules\": [{\"t\": \"eq\", \"v\": \"limit\", \"vt\": \"flow\"}]"))))
                .isEqualTo("its rule 1 compares with a flow value; the rule engine compares with constants only");
        assertThat(placeholderReason(convert(node(
                        "s", "switch", 100, "\"property\": \"req.ip\", \"rules\": [{\"t\": \"eq\", \"v\": \"x\"}]"))))
                .startsWith("msg.req.ip has no counterpart in a Switchboard event");
    }

    @Test
    void aSwitchOnTheTopicWithAllRulesCheckedIsASwitchInModeAll() throws Exception {
        Node sw = only(
                convert(
                        node(
                                "s",
                                "switch",
                                100,
                                "\"property\": \"topic\", \"checkall\": \"true\", \"rules\": [{\"t\": \"eq\", \"v\": \"a\"}, {\"t\": \"cont\", \"v\": \"b\"}]")));

        assertThat(config(sw))
                .isEqualTo(
                        "{\"mode\":\"all\",\"branches\":[{\"name\":\"rule1\",\"match\":\"all\",\"rules\":[{\"field\":\"subject\",\"op\":\"eq\",\"value\":\"a\"}]},"
                                + "{\"name\":\"rule2\",\"match\":\"all\",\"rules\":[{\"field\":\"subject\",\"op\":\"contains\",\"value\":\"b\"}]}]}");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "*/5 * * * *      | 0 */5 * * * ?",
                "00 12 * * 1,3,5  | 0 00 12 ? * 2,4,6",
                "30 7 * * 0       | 0 30 7 ? * 1",
                "30 7 * * 7       | 0 30 7 ? * 1",
                "0 2 1 * *        | 0 0 2 1 * ?",
                "0 9 * * MON-FRI  | 0 0 9 ? * MON-FRI"
            })
    void crontabsBecomeQuartzCron(String crontab, String quartz) throws Exception {
        Node schedule = only(convert(node("i", "inject", 100, "\"repeat\": \"\", \"crontab\": \"" + crontab + "\"")));

        assertThat(config(schedule)).isEqualTo("{\"mode\":\"cron\",\"cron\":\"" + quartz + "\"}");
    }

    @Test
    void aCrontabNamingDaysAndWeekdaysIsRefused() {
        assertThatThrownBy(() -> Crontab.toQuartz("0 0 1 * 1"))
                .isInstanceOf(Unmappable.class)
                .hasMessageContaining("names both days of the month and weekdays");
    }

    @Test
    void aManualInjectHasNoTrigger() throws Exception {
        assertThat(placeholderReason(
                        convert(node("i", "inject", 100, "\"repeat\": \"\", \"crontab\": \"\", \"once\": true"))))
                .startsWith("it injects by hand or once at start-up only");
    }

    @Test
    void anInjectEveryHalfSecondWithATextPayload() throws Exception {
        assertThat(config(only(convert(node(
                        "i", "inject", 100, "\"repeat\": \"0.5\", \"payload\": \"tick\", \"payloadType\": \"str\"")))))
                .isEqualTo("{\"mode\":\"interval\",\"interval\":\"500ms\",\"payload\":\"tick\"}");
    }

    @Test
    void httpInOnlyForPostAndPutOnPlainPaths() throws Exception {
        assertThat(config(only(convert(node("h", "http in", 100, "\"url\": \"hooks/orders/\", \"method\": \"put\"")))))
                .isEqualTo("{\"path\":\"/hooks/orders\",\"method\":\"PUT\"}");
        assertThat(placeholderReason(convert(node("h", "http in", 100, "\"url\": \"/orders\", \"method\": \"get\""))))
                .isEqualTo("it answers GET, and the webhook trigger takes POST or PUT only");
        assertThat(placeholderReason(
                        convert(node("h", "http in", 100, "\"url\": \"/orders/:id\", \"method\": \"post\""))))
                .isEqualTo("its URL '/orders/:id' has path parameters, which a webhook path does not have");
    }

    @Test
    void changeRulesThatAMapCannotDoAreReported() throws Exception {
        assertThat(placeholderReason(convert(node(
                        "c",
                        "change",
                        100,
                        "\"rules\": [{\"t\": \"delete\", \"p\": \"payload.secret\", \"pt\": \"msg\"}]"))))
                .isEqualTo("its rule 1 (delete): a map step cannot remove a field");
        assertThat(placeholderReason(convert(node(
                        "c",
                        "change",
                        100,
                        "\"rules\": [{\"t\": \"set\", \"p\": \"payload.a\", \"pt\": \"flow\", \"to\": \"x\"}]"))))
                .isEqualTo(
                        "its rule 1 (set) reads flow context, which Switchboard does not have (only the event's data and attributes)");
        assertThat(
                        placeholderReason(
                                convert(
                                        node(
                                                "c",
                                                "change",
                                                100,
                                                "\"rules\": [{\"t\": \"set\", \"p\": \"payload.a\", \"pt\": \"msg\", \"to\": \"{{x}}\", \"tot\": \"str\"}]"))))
                .isEqualTo("its rule 1 (set) holds '{{', which a Switchboard template would read as a look-up");
    }

    @Test
    void aMoveCopiesTheField() throws Exception {
        ImportResult result = convert(
                node(
                        "c",
                        "change",
                        100,
                        "\"rules\": [{\"t\": \"move\", \"p\": \"payload.old\", \"pt\": \"msg\", \"to\": \"payload.new\", \"tot\": \"msg\"}]"));

        assertThat(config(only(result))).isEqualTo("{\"fields\":{\"new\":\"{{data.old}}\"},\"mode\":\"merge\"}");
        assertThat(result.findings(ImportFinding.Kind.NOTE))
                .extracting(ImportFinding::message)
                .containsExactly("moving msg.payload.old copies it: a map step cannot remove the old field");
    }

    @Test
    void aTemplateIntoThePayloadMakesItsText() throws Exception {
        assertThat(config(only(convert(node(
                        "t", "template", 100, "\"field\": \"payload\", \"template\": \"Hi {{{payload.name}}}\"")))))
                .isEqualTo("{\"fields\":{\"text\":\"Hi {{data.name}}\"},\"mode\":\"replace\"}");
        assertThat(placeholderReason(
                        convert(node("t", "template", 100, "\"template\": \"{{#payload.items}}x{{/payload.items}}\""))))
                .startsWith("the mustache tag {{#payload.items}} (a section, comment or partial) has no counterpart");
    }

    @Test
    void anHttpRequestWhoseMethodOrUrlComesFromTheMessageIsReported() throws Exception {
        assertThat(placeholderReason(
                        convert(node("r", "http request", 100, "\"method\": \"use\", \"url\": \"https://x.example\""))))
                .isEqualTo("its method comes from msg.method");
        assertThat(placeholderReason(convert(node("r", "http request", 100, "\"method\": \"GET\", \"url\": \"\""))))
                .isEqualTo("its URL comes from msg.url");
    }

    @Test
    void brokersWithTlsOrASchemeBecomeUrls() throws Exception {
        String broker =
                "{\"id\": \"b\", \"type\": \"mqtt-broker\", \"broker\": \"mqtts://broker.example\", \"port\": \"8883\"}";
        assertThat(config(only(convert(broker, node("m", "mqtt in", 100, "\"topic\": \"a/#\", \"broker\": \"b\"")))))
                .isEqualTo("{\"brokerUrl\":\"ssl://broker.example:8883\",\"topic\":\"a/#\",\"qos\":\"2\"}");
        String tls = "{\"id\": \"b\", \"type\": \"mqtt-broker\", \"broker\": \"10.0.0.5\", \"usetls\": true}";
        assertThat(config(only(convert(tls, node("m", "mqtt out", 100, "\"topic\": \"a\", \"broker\": \"b\"")))))
                .isEqualTo("{\"brokerUrl\":\"ssl://10.0.0.5:8883\",\"topic\":\"a\",\"qos\":\"0\"}");
        assertThat(placeholderReason(convert(node("m", "mqtt in", 100, "\"topic\": \"a\", \"broker\": \"gone\""))))
                .isEqualTo("its broker config node 'gone' is not in the export");
        assertThat(placeholderReason(convert(broker, node("m", "mqtt out", 100, "\"topic\": \"\", \"broker\": \"b\""))))
                .isEqualTo("its topic comes from msg.topic");
    }

    @Test
    void aLinkOutToTwoLinkInsPublishesToBoth() throws Exception {
        ImportResult result = convert(
                node("a", "link in", 300, "\"name\": \"Audit\", \"links\": [\"o\"], \"wires\": [[]]"),
                node("b", "link in", 300, "\"name\": \"Billing\", \"links\": [\"o\"], \"wires\": [[]]"),
                node(
                        "src",
                        "change",
                        100,
                        "\"name\": \"Prepare\", \"rules\": [{\"t\": \"set\", \"p\": \"payload.a\", \"to\": \"1\"}], \"wires\": [[\"o\"]]"),
                node("o", "link out", 200, "\"name\": \"Fan\", \"links\": [\"a\", \"b\"]"));
        Flow flow = result.flows().get(0);

        assertThat(flow.nodes())
                .filteredOn(n -> n.type().equals("event.publish"))
                .extracting(n -> config(n))
                .containsExactly("{\"topic\":\"nodered/link/audit\"}", "{\"topic\":\"nodered/link/billing\"}");
        assertThat(flow.wires()).containsExactly(Wire.of("prepare", "fan"), Wire.of("prepare", "fan-2"));
        assertThat(flow.node("fan-2").orElseThrow().ui().y()
                        - flow.node("fan").orElseThrow().ui().y())
                .isEqualTo(CanvasLayout.CARD_HEIGHT);
    }

    @Test
    void delaysThatAreNotFixedOrRateLimitsAreReported() throws Exception {
        assertThat(placeholderReason(convert(node("d", "delay", 100, "\"pauseType\": \"random\""))))
                .startsWith("its random mode");
        assertThat(
                        config(
                                only(
                                        convert(
                                                node(
                                                        "d",
                                                        "delay",
                                                        100,
                                                        "\"pauseType\": \"rate\", \"rate\": \"10\", \"nbRateUnits\": \"2\", \"rateUnits\": \"minute\", \"drop\": true")))))
                .isEqualTo("{\"rate\":10,\"per\":\"2m\",\"excess\":\"drop\"}");
        assertThat(config(only(convert(node(
                        "d",
                        "delay",
                        100,
                        "\"pauseType\": \"delay\", \"timeout\": \"250\", \"timeoutUnits\": \"milliseconds\"")))))
                .isEqualTo("{\"duration\":\"250ms\"}");
    }

    @Test
    void anAutomaticJoinIsReported() throws Exception {
        assertThat(placeholderReason(convert(node("j", "join", 100, "\"mode\": \"auto\""))))
                .startsWith("its auto mode");
        assertThat(config(only(convert(node(
                        "j",
                        "join",
                        100,
                        "\"mode\": \"custom\", \"build\": \"array\", \"count\": \"\", \"timeout\": \"2.5\"")))))
                .isEqualTo("{\"window\":\"2.5s\"}");
    }

    @Test
    void junctionsAreJoinedThroughAndDisabledNodesStayDisabled() throws Exception {
        ImportResult result = convert(
                node(
                        "h",
                        "http in",
                        100,
                        "\"name\": \"In\", \"url\": \"/in\", \"method\": \"post\", \"wires\": [[\"j\"]]"),
                node("j", "junction", 200, "\"wires\": [[\"l1\", \"l2\"]]"),
                node("l1", "debug", 300, "\"name\": \"One\""),
                node("l2", "debug", 300, "\"name\": \"Two\", \"d\": true").replace("\"y\": 100", "\"y\": 200"));
        Flow flow = result.flows().get(0);

        assertThat(flow.wires()).containsExactly(Wire.of("in", "one"), Wire.of("in", "two"));
        assertThat(flow.node("two").orElseThrow().disabled()).isTrue();
        assertThat(result.findings(ImportFinding.Kind.DROPPED))
                .extracting(ImportFinding::nodeRedType)
                .containsExactly("junction");
    }

    @Test
    void placeholdersNeverKeepCredentialsAndNodesWithoutATabGetAFlow() throws Exception {
        ImportResult result = NodeRedImporter.convert(NodeRedExport.parse("""
                [{"id": "x", "type": "email", "z": "gone", "name": "Mail", "x": 10, "y": 10,
                  "credentials": {"password": "hunter2"}, "server": {"host": "smtp.example", "apiKey": "k-123"},
                  "wires": []}]
                """));

        assertThat(result.flows()).extracting(Flow::id).containsExactly("gone");
        assertThat(config(only(result)))
                .doesNotContain("hunter2")
                .doesNotContain("credentials")
                .doesNotContain("k-123")
                .contains("\"server\":{\"host\":\"smtp.example\",\"apiKey\":\"\"}");
        assertThat(result.findings(ImportFinding.Kind.NOTE))
                .extracting(ImportFinding::message)
                .containsExactly("the values of 'server.apiKey' were left out of the placeholder: they look like"
                        + " credentials, and a flow file holds no secret values");
        assertThat(new dev.switchboard.runtime.validate.FlowValidator(
                                dev.switchboard.connector.spi.ConnectorCatalog.load())
                        .validate(result.flows().get(0)))
                .noneMatch(dev.switchboard.runtime.validate.Problem::isError);
    }

    @Test
    void unreadableExportsSayWhereAndWhatWasExpected() {
        assertThatThrownBy(() -> NodeRedExport.parse("{\"id\": 1}"))
                .hasMessage("/: expected a JSON array of node objects (a Node-RED flow export), found object");
        assertThatThrownBy(() -> NodeRedExport.parse("[{\"id\": \"a\"}]"))
                .hasMessage("/0/type: expected a non-empty text, but the node has none");
        assertThatThrownBy(() -> NodeRedExport.parse("[{\"id\": \"a\", \"type\": \"debug\", \"wires\": [\"b\"]}]"))
                .hasMessage("/0/wires/0: expected an array of node ids, found string");
        assertThatThrownBy(() -> NodeRedExport.parse("[{\"id\": \"a\", \"type\": \"debug\", \"x\": \"10\", \"y\": 5}]"))
                .hasMessage("/0/x: expected a number, found string");
        assertThatThrownBy(() ->
                        NodeRedExport.parse("[{\"id\": \"a\", \"type\": \"tab\"}, {\"id\": \"a\", \"type\": \"tab\"}]"))
                .hasMessage("/1/id: the id 'a' is used by /0 already; ids must be unique in an export");
        assertThatThrownBy(() -> NodeRedExport.parse("[{\"id\": \"a\",]"))
                .hasMessage("line 1, column 13: not valid JSON: Unexpected character (']' (code 93)):"
                        + " was expecting double-quote to start field name");
    }
}
