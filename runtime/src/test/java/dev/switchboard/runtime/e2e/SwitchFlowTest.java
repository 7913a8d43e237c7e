package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.capture;
import static dev.switchboard.runtime.e2e.Flows.flow;
import static dev.switchboard.runtime.e2e.Flows.inject;
import static dev.switchboard.runtime.e2e.Flows.node;
import static dev.switchboard.runtime.e2e.Flows.rule;
import static dev.switchboard.runtime.e2e.Flows.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.engine.RunRecord.RunStatus;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwitchFlowTest {
    @TempDir
    static Path data;

    static Engine engine;
    static final List<RunRecord> runs = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        engine = Flows.engine(data);
        engine.addRunListener(runs::add);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static List<Integer> ids(String sink) {
        return CaptureConnector.events(sink).stream()
                .map(e -> e.data().get("id").asInt())
                .toList();
    }

    static Node orderSwitch(String mode) {
        return node(
                "route",
                "switch",
                "mode",
                mode,
                "branches",
                ConfigValue.list(
                        ConfigValue.object("name", "big", "rules", rules(rule("data.total", "gte", 1000))),
                        ConfigValue.object(
                                "name",
                                "local",
                                "match",
                                "any",
                                "rules",
                                rules(rule("data.country", "eq", "DE"), rule("data.country", "eq", "AT")))));
    }

    @Test
    void firstMatchingBranchWinsAndTheRestGoToDefault() throws Exception {
        engine.deploy(flow(
                "orders-first",
                List.of(
                        inject("in", "orders-first"),
                        orderSwitch("first"),
                        capture("big", "first-big"),
                        capture("local", "first-local"),
                        capture("other", "first-default")),
                List.of(
                        Wire.of("in", "route"),
                        Wire.of("route", "big", "big"),
                        Wire.of("route", "local", "local"),
                        Wire.of("route", "default", "other"))));

        InjectConnector.send(engine.camel(), "orders-first", "{\"id\": 1, \"total\": 5000, \"country\": \"DE\"}");
        InjectConnector.send(engine.camel(), "orders-first", "{\"id\": 2, \"total\": 10, \"country\": \"AT\"}");
        InjectConnector.send(engine.camel(), "orders-first", "{\"id\": 3, \"total\": 10, \"country\": \"US\"}");
        InjectConnector.send(engine.camel(), "orders-first", "{\"id\": 4, \"total\": \"1000\", \"country\": \"US\"}");

        assertThat(ids("first-big")).containsExactly(1, 4);
        assertThat(ids("first-local")).containsExactly(2);
        assertThat(ids("first-default")).containsExactly(3);
    }

    @Test
    void modeAllGivesEveryMatchingBranchAnEventAndDefaultOnlyTheUnmatched() throws Exception {
        engine.deploy(flow(
                "orders-all",
                List.of(
                        inject("in", "orders-all"),
                        orderSwitch("all"),
                        capture("big", "all-big"),
                        capture("local", "all-local"),
                        capture("other", "all-default")),
                List.of(
                        Wire.of("in", "route"),
                        Wire.of("route", "big", "big"),
                        Wire.of("route", "local", "local"),
                        Wire.of("route", "default", "other"))));

        InjectConnector.send(engine.camel(), "orders-all", "{\"id\": 1, \"total\": 5000, \"country\": \"DE\"}");
        InjectConnector.send(engine.camel(), "orders-all", "{\"id\": 2, \"total\": 10, \"country\": \"US\"}");

        assertThat(ids("all-big")).containsExactly(1);
        assertThat(ids("all-local")).containsExactly(1);
        assertThat(ids("all-default")).containsExactly(2);
        assertThat(CaptureConnector.events("all-big").get(0).id())
                .isEqualTo(CaptureConnector.events("all-local").get(0).id());
    }

    @Test
    void modeAllHandsEachBranchTheOriginalEventNotWhatAnEarlierBranchMadeOfIt() throws Exception {
        engine.deploy(flow(
                "orders-all-map",
                List.of(
                        inject("in", "orders-all-map"),
                        orderSwitch("all"),
                        node("shrink", "map", "fields", ConfigValue.object("id", "{{data.id}}", "big", "yes")),
                        capture("big", "all-map-big"),
                        capture("local", "all-map-local")),
                List.of(
                        Wire.of("in", "route"),
                        Wire.of("route", "big", "shrink"),
                        Wire.of("shrink", "big"),
                        Wire.of("route", "local", "local"))));

        InjectConnector.send(engine.camel(), "orders-all-map", "{\"id\": 1, \"total\": 5000, \"country\": \"DE\"}");

        assertThat(CaptureConnector.events("all-map-big").get(0).data().has("big"))
                .isTrue();
        assertThat(CaptureConnector.events("all-map-local").get(0).data().has("big"))
                .isFalse();
        assertThat(CaptureConnector.events("all-map-local")
                        .get(0)
                        .data()
                        .get("country")
                        .asText())
                .isEqualTo("DE");
    }

    @Test
    void anUnwiredDefaultDropsTheEventAsFiltered() throws Exception {
        engine.deploy(flow(
                "orders-nodefault",
                List.of(inject("in", "orders-nodefault"), orderSwitch("first"), capture("big", "nodefault-big")),
                List.of(Wire.of("in", "route"), Wire.of("route", "big", "big"))));

        InjectConnector.send(engine.camel(), "orders-nodefault", "{\"id\": 1, \"total\": 5000}");
        InjectConnector.send(engine.camel(), "orders-nodefault", "{\"id\": 2, \"total\": 1}");
        InjectConnector.send(engine.camel(), "orders-nodefault", "{\"id\": 3, \"total\": 1, \"country\": \"AT\"}");

        assertThat(ids("nodefault-big")).containsExactly(1);
        await().until(() ->
                runs.stream().filter(r -> r.flowId().equals("orders-nodefault")).count() == 3);
        assertThat(runs.stream()
                        .filter(r -> r.flowId().equals("orders-nodefault"))
                        .toList())
                .extracting(RunRecord::status, RunRecord::endedAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RunStatus.SUCCESS, "big:out"),
                        org.assertj.core.groups.Tuple.tuple(RunStatus.FILTERED, "route:default"),
                        org.assertj.core.groups.Tuple.tuple(RunStatus.FILTERED, "route:local"));
    }
}
