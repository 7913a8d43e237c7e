package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.capture;
import static dev.switchboard.runtime.e2e.Flows.flow;
import static dev.switchboard.runtime.e2e.Flows.inject;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.model.Wire;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapFlowTest {
    @TempDir
    static Path data;

    static Engine engine;

    @BeforeAll
    static void start() {
        engine = Flows.engine(data);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void mapBuildsTheExpectedPayloadKeepingTypesAndTheEventId() throws Exception {
        engine.deploy(flow(
                "normalize",
                List.of(
                        inject("in", "normalize"),
                        node(
                                "shape",
                                "map",
                                "type",
                                "com.example.order.normalized",
                                "fields",
                                ConfigValue.object(
                                        "order.id", "{{data.id}}",
                                        "order.total", "{{data.amount | number}}",
                                        "order.paid", "{{data.paid}}",
                                        "customer.email", "{{data.email | trim | lower}}",
                                        "customer.name", "{{data.first}} {{data.last}}",
                                        "lines", "{{data.items}}",
                                        "day", "{{data.at | date:'yyyy-MM-dd'}}")),
                        capture("out", "normalize")),
                List.of(Wire.of("in", "shape"), Wire.of("shape", "out"))));

        InjectConnector.send(engine.camel(), "normalize", """
                { "id": 1001, "amount": "99.90", "paid": false, "email": " Ada@Example.COM ", "first": "Ada",
                  "last": "Lovelace", "items": [ { "sku": "A", "qty": 2 } ], "at": "2026-11-28T09:00:00Z", "noise": 1 }""");

        Event out = CaptureConnector.events("normalize").get(0);
        assertThat(out.data()).isEqualTo(Json.parse("""
                { "order": { "id": 1001, "total": 99.90, "paid": false },
                  "customer": { "email": "ada@example.com", "name": "Ada Lovelace" },
                  "lines": [ { "sku": "A", "qty": 2 } ], "day": "2026-11-28" }"""));
        assertThat(out.data().at("/order/total").isNumber()).isTrue();
        assertThat(out.data().at("/order/paid").isBoolean()).isTrue();
        assertThat(out.type()).isEqualTo("com.example.order.normalized");
        assertThat(out.source()).isEqualTo("/switchboard/flows/normalize/in");
    }

    @Test
    void mergeKeepsTheRestOfTheDataAndReplaceDropsIt() throws Exception {
        engine.deploy(flow(
                "modes",
                List.of(
                        inject("in", "modes"),
                        node(
                                "merge",
                                "map",
                                "mode",
                                "merge",
                                "fields",
                                ConfigValue.object("customer.vip", "{{data.score | number}}")),
                        node(
                                "replace",
                                "map",
                                "mode",
                                "replace",
                                "fields",
                                ConfigValue.object("customer.vip", "{{data.score | number}}")),
                        capture("merged", "modes-merged"),
                        capture("replaced", "modes-replaced")),
                List.of(
                        Wire.of("in", "merge"),
                        Wire.of("in", "replace"),
                        Wire.of("merge", "merged"),
                        Wire.of("replace", "replaced"))));

        InjectConnector.send(engine.camel(), "modes", "{\"score\": \"7\", \"customer\": {\"name\": \"Ada\"}}");

        assertThat(CaptureConnector.events("modes-merged").get(0).data())
                .isEqualTo(Json.parse("{\"score\": \"7\", \"customer\": {\"name\": \"Ada\", \"vip\": 7}}"));
        assertThat(CaptureConnector.events("modes-replaced").get(0).data())
                .isEqualTo(Json.parse("{\"customer\": {\"vip\": 7}}"));
    }

    @Test
    void fanOutBranchesEachSeeOnlyTheirOwnChange() throws Exception {
        engine.deploy(flow(
                "fan-map",
                List.of(
                        inject("in", "fan-map"),
                        node(
                                "left",
                                "map",
                                "mode",
                                "merge",
                                "fields",
                                ConfigValue.object("side", "left", "shared.mark", "L")),
                        node(
                                "right",
                                "map",
                                "mode",
                                "merge",
                                "fields",
                                ConfigValue.object(
                                        "side", "right", "shared.mark", "R", "extra", "{{data.n | number}}")),
                        capture("l", "fan-map-left"),
                        capture("r", "fan-map-right")),
                List.of(Wire.of("in", "left"), Wire.of("in", "right"), Wire.of("left", "l"), Wire.of("right", "r"))));

        InjectConnector.send(engine.camel(), "fan-map", "{\"n\": \"5\", \"shared\": {\"keep\": true}}");

        Event left = CaptureConnector.events("fan-map-left").get(0);
        Event right = CaptureConnector.events("fan-map-right").get(0);
        assertThat(left.data())
                .isEqualTo(Json.parse(
                        "{\"n\": \"5\", \"shared\": {\"keep\": true, \"mark\": \"L\"}, \"side\": \"left\"}"));
        assertThat(right.data())
                .isEqualTo(
                        Json.parse(
                                "{\"n\": \"5\", \"shared\": {\"keep\": true, \"mark\": \"R\"}, \"side\": \"right\", \"extra\": 5}"));
        assertThat(left.id()).isEqualTo(right.id());
    }

    @Test
    void logPassesTheEventOnUnchanged() throws Exception {
        engine.deploy(flow(
                "logged",
                List.of(
                        inject("in", "logged"),
                        node("say", "log", "level", "debug", "message", "got {{data.n}}"),
                        node("summary", "log"),
                        capture("out", "logged")),
                List.of(Wire.of("in", "say"), Wire.of("say", "summary"), Wire.of("summary", "out"))));

        InjectConnector.send(engine.camel(), "logged", "{\"n\": 1}");

        assertThat(CaptureConnector.events("logged"))
                .singleElement()
                .satisfies(e -> assertThat(e.data()).isEqualTo(Json.parse("{\"n\": 1}")));
    }
}
