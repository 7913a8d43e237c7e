package dev.switchboard.runtime.importer.nodered;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An imported Node-RED flow run for real: http in → switch → change → http request (WireMock on
 * loopback), the small orders into a function placeholder, where they stop.
 */
class ImportedFlowRunsTest {
    private WireMockServer erp;
    private Engine engine;

    @BeforeEach
    void start() {
        erp = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        erp.start();
        erp.stubFor(post(urlPathMatching("/erp/orders/.*")).willReturn(okJson("{\"accepted\": true}")));
        engine = new Engine(
                        EngineOptions.defaults().withHttpPort(0), ConnectorCatalog.load(), SecretResolver.of(Map.of()))
                .start();
    }

    @AfterEach
    void stop() {
        engine.close();
        erp.stop();
    }

    @Test
    void bigOrdersReachTheErpAsTheChangeNodeShapedThemAndSmallOnesStopAtThePlaceholder() throws Exception {
        String export = """
                [{"id": "t1", "type": "tab", "label": "Orders"},
                 {"id": "in", "type": "http in", "z": "t1", "name": "Orders", "url": "/nr/orders", "method": "post",
                  "x": 100, "y": 100, "wires": [["sw"]]},
                 {"id": "sw", "type": "switch", "z": "t1", "name": "Big", "property": "payload.total",
                  "rules": [{"t": "gte", "v": "1000", "vt": "num"}, {"t": "else"}], "checkall": "true",
                  "x": 250, "y": 100, "wires": [["ch"], ["fn"]]},
                 {"id": "ch", "type": "change", "z": "t1", "name": "Prioritise",
                  "rules": [{"t": "set", "p": "payload.priority", "pt": "msg", "to": "high", "tot": "str"},
                            {"t": "set", "p": "payload.email", "pt": "msg", "to": "payload.customer.email", "tot": "msg"}],
                  "x": 400, "y": 80, "wires": [["rq"]]},
                 {"id": "rq", "type": "http request", "z": "t1", "name": "ERP", "method": "POST", "ret": "obj",
                  "url": "%s/erp/orders/{{{payload.id}}}", "x": 550, "y": 80, "wires": [["rs"]]},
                 {"id": "rs", "type": "http response", "z": "t1", "x": 700, "y": 80, "wires": []},
                 {"id": "fn", "type": "function", "z": "t1", "name": "Later", "func": "return msg;", "outputs": 1,
                  "x": 400, "y": 140, "wires": [["lg"]]},
                 {"id": "lg", "type": "debug", "z": "t1", "name": "Small", "complete": "payload", "x": 550, "y": 140, "wires": []}]
                """.formatted(erp.baseUrl());
        Flow flow = NodeRedImporter.convert(NodeRedExport.parse(export)).flows().get(0);
        List<RunRecord> runs = new CopyOnWriteArrayList<>();
        engine.addRunListener(run -> {
            if (run.flowId().equals("orders")) {
                runs.add(run);
            }
        });
        engine.deploy(flow);
        String hook = engine.addresses("orders").get("orders").get(0);

        assertThat(send(hook, "{\"id\": \"A-1\", \"total\": 1200, \"customer\": {\"email\": \"ada@example.com\"}}"))
                .isEqualTo(202);
        assertThat(send(hook, "{\"id\": \"A-2\", \"total\": 5, \"customer\": {\"email\": \"bob@example.com\"}}"))
                .isEqualTo(202);

        await().until(() -> runs.size() == 2);
        erp.verify(
                1,
                postRequestedFor(urlEqualTo("/erp/orders/A-1"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"id\": \"A-1\", \"total\": 1200, \"customer\":"
                                                + " {\"email\": \"ada@example.com\"}, \"priority\": \"high\", \"email\": \"ada@example.com\"}")));
        assertThat(erp.getAllServeEvents()).hasSize(1);
        // the switch's default port leads only into the placeholder: an unwired port, as far as running goes
        assertThat(runs)
                .extracting(RunRecord::status)
                .containsExactlyInAnyOrder(RunRecord.RunStatus.SUCCESS, RunRecord.RunStatus.FILTERED);
    }

    @Test
    void aChangeNodesJsonataStillReadsPayloadAsNodeRedRanItAgainstMsg() throws Exception {
        String export = """
                [{"id": "t1", "type": "tab", "label": "Reshape"},
                 {"id": "in", "type": "http in", "z": "t1", "name": "Lines", "url": "/nr/lines", "method": "post",
                  "x": 100, "y": 100, "wires": [["ch"]]},
                 {"id": "ch", "type": "change", "z": "t1", "name": "Total",
                  "rules": [{"t": "set", "p": "payload", "pt": "msg", "tot": "jsonata",
                             "to": "{ \\"order\\": payload.id, \\"total\\": $sum(payload.lines.(price * qty)) }"}],
                  "x": 250, "y": 100, "wires": [["rq"]]},
                 {"id": "rq", "type": "http request", "z": "t1", "name": "ERP", "method": "POST", "ret": "obj",
                  "url": "%s/erp/orders/totals", "x": 400, "y": 100, "wires": [[]]}]
                """.formatted(erp.baseUrl());
        Flow flow = NodeRedImporter.convert(NodeRedExport.parse(export)).flows().get(0);
        List<RunRecord> runs = new CopyOnWriteArrayList<>();
        engine.addRunListener(runs::add);
        engine.deploy(flow);
        String hook = engine.addresses(flow.id()).values().iterator().next().get(0);

        assertThat(send(
                        hook,
                        "{\"id\": \"B-7\", \"lines\": [{\"price\": 2.5, \"qty\": 4}, {\"price\": 1, \"qty\": 3}]}"))
                .isEqualTo(202);

        await().until(() -> runs.size() == 1);
        assertThat(runs.get(0).status()).as(runs.get(0).error()).isEqualTo(RunRecord.RunStatus.SUCCESS);
        erp.verify(
                1,
                postRequestedFor(urlEqualTo("/erp/orders/totals"))
                        .withRequestBody(equalToJson("{\"order\": \"B-7\", \"total\": 13}")));
    }

    private static int send(String url, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }
}
