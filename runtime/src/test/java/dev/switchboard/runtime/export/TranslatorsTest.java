package dev.switchboard.runtime.export;

import static dev.switchboard.runtime.export.ExportFlows.chain;
import static dev.switchboard.runtime.export.ExportFlows.example;
import static dev.switchboard.runtime.export.ExportFlows.export;
import static dev.switchboard.runtime.export.ExportFlows.flow;
import static dev.switchboard.runtime.export.ExportFlows.node;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.model.Wire;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each translator writes, read back from the exported YAML. */
class TranslatorsTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void webhookListensOnPlatformHttpAnswers202AndWireTapsTheNextNode() throws Exception {
        JsonNode route = route(
                chain("f", node("hook", "webhook", "path", "/hooks/a", "method", "PUT"), node("out", "log")), "f.hook");
        assertThat(route.at("/from/uri").asText()).isEqualTo("platform-http:/hooks/a");
        assertThat(route.at("/from/parameters/httpMethodRestrict").asText()).isEqualTo("PUT");
        assertThat(stepNames(route))
                .containsExactly("convertBodyTo", "removeHeaders", "wireTap", "setHeader", "setHeader", "setBody");
        assertThat(route.at("/from/steps/2/wireTap/uri").asText()).isEqualTo("direct:f.out");
        assertThat(route.at("/from/steps/3/setHeader/expression/constant/expression")
                        .asText())
                .isEqualTo("202");
    }

    @Test
    void webhookBearerTokenIsCheckedAgainstAPlaceholderNeverTheSecret() throws Exception {
        CamelExport export = export(chain(
                "f",
                node("hook", "webhook", "path", "/h", "auth", "bearer", "token", "{{secret:HOOK_TOKEN}}"),
                node("out", "log")));
        assertThat(export.yaml()).contains("${header.Authorization} != 'Bearer {{HOOK_TOKEN}}'");
        assertThat(export.yaml()).doesNotContain("secret:");
    }

    @Test
    void scheduleIsATimerOrAQuartzCronWithItsPayloadAsBody() throws Exception {
        JsonNode timer = route(
                chain(
                        "f",
                        node("tick", "schedule", "interval", "30s", "payload", ConfigValue.object("a", 1)),
                        node("l", "log")),
                "f.tick");
        assertThat(timer.at("/from/uri").asText()).isEqualTo("timer:f.tick");
        assertThat(timer.at("/from/parameters/period").asLong()).isEqualTo(30_000);
        assertThat(timer.at("/from/steps/0/setBody/expression/constant/expression")
                        .asText())
                .isEqualTo("{\"a\":1}");

        JsonNode cron = route(chain("f", example("tick", "schedule"), node("l", "log")), "f.tick");
        assertThat(cron.at("/from/uri").asText()).isEqualTo("quartz:f/tick");
        assertThat(cron.at("/from/parameters/cron").asText()).isEqualTo("0 0 2 * * ?");
        assertThat(cron.at("/from/parameters/trigger.timeZone").asText()).isEqualTo("Europe/Berlin");
    }

    @Test
    void filterSendsMatchedEventsOnAndUnmatchedOnesThroughAChoiceWhenWired() throws Exception {
        var hook = node("hook", "webhook", "path", "/h");
        var filter = example("hot", "filter");
        JsonNode alone = route(
                flow(
                        "f",
                        List.of(hook, filter, node("yes", "log")),
                        List.of(Wire.of("hook", "hot"), Wire.of("hot", "matched", "yes"))),
                "f.hot");
        assertThat(alone.at("/from/steps/0/filter/expression/jsonpath/expression")
                        .asText())
                .isEqualTo("$[?(@.score > 50 && @.email =~ /.*(?:@(acme|example)\\.com$).*/s)]");
        assertThat(alone.at("/from/steps/0/filter/steps/0/to/uri").asText()).isEqualTo("direct:f.yes");

        JsonNode both = route(
                flow(
                        "f",
                        List.of(hook, filter, node("yes", "log"), node("no", "log")),
                        List.of(
                                Wire.of("hook", "hot"),
                                Wire.of("hot", "matched", "yes"),
                                Wire.of("hot", "unmatched", "no"))),
                "f.hot");
        assertThat(both.at("/from/steps/0/choice/when/0/steps/0/to/uri").asText())
                .isEqualTo("direct:f.yes");
        assertThat(both.at("/from/steps/0/choice/otherwise/steps/0/to/uri").asText())
                .isEqualTo("direct:f.no");
    }

    @Test
    void switchFirstIsAChoiceInBranchOrderWithDefaultAsOtherwise() throws Exception {
        JsonNode route = route(
                flow(
                        "f",
                        List.of(
                                node("hook", "webhook", "path", "/h"),
                                example("by", "switch"),
                                node("big", "log"),
                                node("local", "log"),
                                node("rest", "log")),
                        List.of(
                                Wire.of("hook", "by"),
                                Wire.of("by", "big", "big"),
                                Wire.of("by", "local", "local"),
                                Wire.of("by", "default", "rest"))),
                "f.by");
        assertThat(route.at("/from/steps/0/choice/when/0/expression/jsonpath/expression")
                        .asText())
                .isEqualTo("$[?(@.total >= 1000)]");
        assertThat(route.at("/from/steps/0/choice/when/1/expression/jsonpath/expression")
                        .asText())
                .isEqualTo("$[?(@.country in ['DE', 'AT', 'CH'])]");
        assertThat(route.at("/from/steps/0/choice/when/1/steps/0/to/uri").asText())
                .isEqualTo("direct:f.local");
        assertThat(route.at("/from/steps/0/choice/otherwise/steps/0/to/uri").asText())
                .isEqualTo("direct:f.rest");
    }

    @Test
    void switchAllSendsACopyToEveryMatchingBranchAndDefaultOnlyWhenNoneMatched() throws Exception {
        var by = node(
                "by",
                "switch",
                "mode",
                "all",
                "branches",
                ConfigValue.list(ConfigValue.object(
                        "name",
                        "big",
                        "rules",
                        ConfigValue.list(ConfigValue.object("field", "data.total", "op", "gte", "value", 10)))));
        JsonNode route = route(
                flow(
                        "f",
                        List.of(node("hook", "webhook", "path", "/h"), by, node("big", "log"), node("rest", "log")),
                        List.of(Wire.of("hook", "by"), Wire.of("by", "big", "big"), Wire.of("by", "default", "rest"))),
                "f.by");
        assertThat(stepNames(route)).containsExactly("setVariable", "filter", "filter");
        assertThat(route.at("/from/steps/1/filter/steps/1/multicast/steps/0/to/uri")
                        .asText())
                .isEqualTo("direct:f.big");
        assertThat(route.at("/from/steps/2/filter/expression/simple/expression").asText())
                .isEqualTo("${variable.switchMatched} == 'false'");
    }

    @Test
    void mapIsAJsonataTransformationWhoseExpressionIsATextBean() throws Exception {
        CamelExport export = export(chain("f", node("hook", "webhook", "path", "/h"), example("m", "map")));
        JsonNode document = YAML.readTree(export.yaml());
        JsonNode bean = document.get(0).at("/beans/0");
        assertThat(bean.get("name").asText()).isEqualTo("f.m.jsonata");
        assertThat(bean.get("type").asText()).isEqualTo("java.lang.String");
        assertThat(bean.at("/constructors/0").asText())
                .isEqualTo(
                        "{\"customer\": {\"email\": ($v := $lowercase(email); $exists($v) ? $v : null),"
                                + " \"name\": first & \" \" & last}, \"total\": ($v := $number(amount); $exists($v) ? $v : null)}");
        JsonNode route = find(document, "f.m");
        assertThat(route.at("/from/steps/0/to/uri").asText()).isEqualTo("jsonata:ref:f.m.jsonata");
        assertThat(route.at("/from/steps/0/to/parameters/outputType").asText()).isEqualTo("JsonString");
    }

    @Test
    void httpRequestBecomesTheHttpProducerWithItsAuthAsPlaceholders() throws Exception {
        CamelExport export = export(chain("f", node("hook", "webhook", "path", "/h"), example("crm", "http.request")));
        JsonNode document = YAML.readTree(export.yaml());
        JsonNode route = find(document, "f.crm");
        assertThat(stepNames(route))
                .containsExactly("removeHeaders", "to", "setHeader", "setHeader", "setHeader", "to", "convertBodyTo");
        assertThat(route.at("/from/steps/1/to/uri").asText()).isEqualTo("jsonata:ref:f.crm.body");
        assertThat(route.at("/from/steps/3/setHeader/expression/simple/expression")
                        .asText())
                .isEqualTo("Bearer {{CRM_TOKEN}}");
        assertThat(route.at("/from/steps/5/to/uri").asText()).isEqualTo("https://crm.example.com/api/leads");
        assertThat(route.at("/from/steps/5/to/parameters/httpMethod").asText()).isEqualTo("POST");
        assertThat(find(document, "f.crm").toString()).doesNotContain("secret:");
    }

    @Test
    void httpRequestWithOutputOriginalKeepsTheEventDataAroundTheCall() throws Exception {
        JsonNode route = route(
                chain(
                        "f",
                        node("hook", "webhook", "path", "/h"),
                        node(
                                "call",
                                "http.request",
                                "method",
                                "GET",
                                "url",
                                "http://127.0.0.1:1/x/{{data.id}}",
                                "output",
                                "original")),
                "f.call");
        assertThat(route.at("/from/steps/0/setVariable/name").asText()).isEqualTo("httpOriginalBody");
        JsonNode call = route.at("/from/steps/4/toD");
        assertThat(call.at("/uri").asText()).isEqualTo("http://127.0.0.1:1/x/${jsonpath($.id)}");
        assertThat(route.at("/from/steps/5/setBody/expression/simple/expression")
                        .asText())
                .isEqualTo("${variable.httpOriginalBody}");
    }

    @Test
    void logWritesToTheFlowsLoggerWithLookupsAsJsonPath() throws Exception {
        JsonNode route = route(chain("f", node("hook", "webhook", "path", "/h"), example("l", "log")), "f.l");
        assertThat(route.at("/from/steps/0/log/message").asText())
                .isEqualTo("l: Order ${jsonpath($.id)} from ${jsonpath($.email)}");
        assertThat(route.at("/from/steps/0/log/logName").asText()).isEqualTo("switchboard.flow.f");
        assertThat(route.at("/from/steps/0/log/loggingLevel").asText()).isEqualTo("INFO");
    }

    @Test
    void brokerTriggersAndSendersUseCamelsOwnComponents() throws Exception {
        assertThat(fromUri(chain("f", example("k", "kafka.consume"), node("l", "log")), "f.k"))
                .isEqualTo("kafka:orders,refunds");
        assertThat(fromUri(chain("f", example("j", "jms.consume"), node("l", "log")), "f.j"))
                .isEqualTo("jms:queue:orders");
        assertThat(fromUri(chain("f", example("a", "amqp.consume"), node("l", "log")), "f.a"))
                .isEqualTo("amqp:queue:orders");
        assertThat(fromUri(chain("f", example("m", "mqtt.subscribe"), node("l", "log")), "f.m"))
                .isEqualTo("paho-mqtt5:sensors/+/temperature");
        assertThat(fromUri(chain("f", example("s", "sql.poll"), node("l", "log")), "f.s"))
                .isEqualTo("sql:SELECT * FROM orders WHERE exported = FALSE ORDER BY id");
        assertThat(fromUri(chain("f", example("i", "mail.receive"), node("l", "log")), "f.i"))
                .isEqualTo("imaps:imap.example.com");
        assertThat(fromUri(chain("f", example("w", "file.watch"), node("l", "log")), "f.w"))
                .isEqualTo("file:inbox/orders");
        assertThat(fromUri(chain("f", example("e", "event.subscribe"), node("l", "log")), "f.e"))
                .isEqualTo("seda:orders.created");

        var hook = node("hook", "webhook", "path", "/h");
        assertThat(lastUri(chain("f", hook, example("k", "kafka.produce")), "f.k"))
                .isEqualTo("kafka:offers");
        assertThat(lastUri(chain("f", hook, example("j", "jms.send")), "f.j")).isEqualTo("jms:queue:shipments");
        assertThat(lastUri(chain("f", hook, example("a", "amqp.send")), "f.a")).isEqualTo("amqp:queue:shipments");
        assertThat(lastUri(chain("f", hook, example("m", "mqtt.publish")), "f.m"))
                .isEqualTo("paho-mqtt5:alerts/${jsonpath($.site)}");
        assertThat(lastUri(chain("f", hook, example("s", "sql.exec")), "f.s"))
                .isEqualTo("sql:UPDATE stock SET qty = qty - :#${variable.qty} WHERE sku = :#${variable.sku}");
        assertThat(lastUri(chain("f", hook, example("s", "sql.insert")), "f.s"))
                .isEqualTo("sql:INSERT INTO orders (id, email) VALUES (:#${variable.id}, :#${variable.email})");
        assertThat(lastUri(chain("f", hook, example("e", "event.publish")), "f.e"))
                .isEqualTo("seda:orders.created");
    }

    @Test
    void sendersThatReplaceTheBodyPutTheEventDataBackAfterwards() throws Exception {
        var hook = node("hook", "webhook", "path", "/h");
        JsonNode mail = route(chain("f", hook, example("m", "email.send")), "f.m");
        assertThat(mail.at("/from/steps")
                        .get(mail.at("/from/steps").size() - 2)
                        .at("/to/uri")
                        .asText())
                .isEqualTo("smtp:smtp.example.com");
        assertThat(mail.toString()).contains("{{SMTP_PASSWORD}}").contains("${variable.mailData}");
        JsonNode file = route(chain("f", hook, node("w", "file.write", "path", "out/{{data.day}}.jsonl")), "f.w");
        assertThat(file.at("/from/steps/2/to/uri").asText()).isEqualTo("file:out");
        assertThat(file.at("/from/steps/2/to/parameters/fileName").asText()).isEqualTo("${jsonpath($.day)}.jsonl");
        assertThat(file.at("/from/steps/2/to/parameters/fileExist").asText()).isEqualTo("Append");
    }

    @Test
    void aWireToSeveralNodesIsAMulticastOfCopies() throws Exception {
        JsonNode route = route(
                flow(
                        "f",
                        List.of(node("tick", "schedule"), node("a", "log"), node("b", "log")),
                        List.of(Wire.of("tick", "a"), Wire.of("tick", "b"))),
                "f.tick");
        assertThat(route.at("/from/steps/1/multicast/steps/0/to/uri").asText()).isEqualTo("direct:f.a");
        assertThat(route.at("/from/steps/1/multicast/steps/1/to/uri").asText()).isEqualTo("direct:f.b");
    }

    private static String fromUri(dev.switchboard.runtime.model.Flow flow, String routeId) throws Exception {
        return route(flow, routeId).at("/from/uri").asText();
    }

    private static String lastUri(dev.switchboard.runtime.model.Flow flow, String routeId) throws Exception {
        JsonNode steps = route(flow, routeId).at("/from/steps");
        for (int i = steps.size() - 1; i >= 0; i--) {
            JsonNode to = steps.get(i).has("to")
                    ? steps.get(i).get("to")
                    : steps.get(i).get("toD");
            if (to != null) {
                return to.get("uri").asText();
            }
        }
        throw new AssertionError("no to in " + steps);
    }

    static JsonNode route(dev.switchboard.runtime.model.Flow flow, String routeId) throws Exception {
        return find(YAML.readTree(export(flow).yaml()), routeId);
    }

    private static JsonNode find(JsonNode document, String routeId) {
        for (JsonNode entry : document) {
            if (entry.has("route") && entry.at("/route/id").asText().equals(routeId)) {
                return entry.get("route");
            }
        }
        throw new AssertionError("no route " + routeId + " in " + document);
    }

    private static List<String> stepNames(JsonNode route) {
        List<String> names = new java.util.ArrayList<>();
        route.at("/from/steps").forEach(step -> names.add(step.fieldNames().next()));
        return names;
    }
}
