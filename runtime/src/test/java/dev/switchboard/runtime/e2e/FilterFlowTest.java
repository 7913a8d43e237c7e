package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.capture;
import static dev.switchboard.runtime.e2e.Flows.flow;
import static dev.switchboard.runtime.e2e.Flows.inject;
import static dev.switchboard.runtime.e2e.Flows.node;
import static dev.switchboard.runtime.e2e.Flows.rule;
import static dev.switchboard.runtime.e2e.Flows.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.engine.RunRecord.RunStatus;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.model.Wire;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilterFlowTest {
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

    static List<RunRecord> runsOf(String flowId) {
        return runs.stream().filter(r -> r.flowId().equals(flowId)).toList();
    }

    static List<Integer> ids(String sink) {
        return CaptureConnector.events(sink).stream()
                .map(e -> e.data().get("id").asInt())
                .toList();
    }

    @Test
    void filterDropsNonMatchingEventsAndMarksTheirRunsFiltered() throws Exception {
        engine.deploy(flow(
                "hot-leads",
                List.of(
                        inject("in", "hot-leads"),
                        node(
                                "hot",
                                "filter",
                                "match",
                                "all",
                                "rules",
                                rules(rule("data.score", "gt", 50), rule("data.email", "matches", "@example\\.com$"))),
                        capture("out", "hot-leads")),
                List.of(Wire.of("in", "hot"), Wire.of("hot", "matched", "out"))));

        InjectConnector.send(engine.camel(), "hot-leads", "{\"id\": 1, \"score\": 80, \"email\": \"a@example.com\"}");
        InjectConnector.send(engine.camel(), "hot-leads", "{\"id\": 2, \"score\": 20, \"email\": \"b@example.com\"}");
        InjectConnector.send(
                engine.camel(), "hot-leads", "{\"id\": 3, \"score\": \"75\", \"email\": \"c@example.com\"}");
        InjectConnector.send(engine.camel(), "hot-leads", "{\"id\": 4, \"score\": 90, \"email\": \"d@other.org\"}");
        InjectConnector.send(engine.camel(), "hot-leads", "{\"id\": 5}");

        assertThat(ids("hot-leads")).containsExactly(1, 3);
        await().until(() -> runsOf("hot-leads").size() == 5);
        assertThat(runsOf("hot-leads"))
                .extracting(RunRecord::status)
                .containsExactly(
                        RunStatus.SUCCESS,
                        RunStatus.FILTERED,
                        RunStatus.SUCCESS,
                        RunStatus.FILTERED,
                        RunStatus.FILTERED);
        assertThat(runsOf("hot-leads").get(1).endedAt()).isEqualTo("hot:unmatched");
    }

    @Test
    void anyLetsThroughWhatOneRuleMatchesAndUnmatchedCanBeWired() throws Exception {
        engine.deploy(flow(
                "regions",
                List.of(
                        inject("in", "regions"),
                        node(
                                "eu",
                                "filter",
                                "match",
                                "any",
                                "rules",
                                rules(
                                        rule(
                                                "data.country",
                                                "in",
                                                ConfigValue.list(ConfigValue.of("DE"), ConfigValue.of("FR"))),
                                        rule("data.vat", "exists", null))),
                        capture("yes", "regions-yes"),
                        capture("no", "regions-no")),
                List.of(Wire.of("in", "eu"), Wire.of("eu", "matched", "yes"), Wire.of("eu", "unmatched", "no"))));

        InjectConnector.send(engine.camel(), "regions", "{\"id\": 1, \"country\": \"DE\"}");
        InjectConnector.send(engine.camel(), "regions", "{\"id\": 2, \"country\": \"US\"}");
        InjectConnector.send(engine.camel(), "regions", "{\"id\": 3, \"country\": \"US\", \"vat\": \"X1\"}");

        assertThat(ids("regions-yes")).containsExactly(1, 3);
        assertThat(ids("regions-no")).containsExactly(2);
        await().until(() -> runsOf("regions").size() == 3);
        assertThat(runsOf("regions")).extracting(RunRecord::status).containsOnly(RunStatus.SUCCESS);
    }

    @Test
    void aMatchedPortWiredToTwoNodesGivesEachItsOwnCopy() throws Exception {
        engine.deploy(flow(
                "filter-fan",
                List.of(
                        inject("in", "filter-fan"),
                        node("f", "filter", "rules", rules(rule("data.ok", "eq", true))),
                        capture("a", "filter-fan-a"),
                        capture("b", "filter-fan-b")),
                List.of(Wire.of("in", "f"), Wire.of("f", "matched", "a"), Wire.of("f", "matched", "b"))));

        InjectConnector.send(engine.camel(), "filter-fan", "{\"id\": 1, \"ok\": true}");
        InjectConnector.send(engine.camel(), "filter-fan", "{\"id\": 2, \"ok\": false}");

        assertThat(ids("filter-fan-a")).containsExactly(1);
        assertThat(ids("filter-fan-b")).containsExactly(1);
        Event a = CaptureConnector.events("filter-fan-a").get(0);
        Event b = CaptureConnector.events("filter-fan-b").get(0);
        assertThat(a.id()).isEqualTo(b.id());
        assertThat(a.data()).isNotSameAs(b.data());
        await().until(() -> runsOf("filter-fan").size() == 2);
        assertThat(runsOf("filter-fan"))
                .extracting(RunRecord::status)
                .containsExactly(RunStatus.SUCCESS, RunStatus.FILTERED);
    }

    @Test
    void aFlowWithABadRuleDoesNotDeployAndSaysWhere() {
        assertThatThrownBy(() -> engine.deploy(flow(
                        "bad-filter",
                        List.of(
                                inject("in", "bad-filter"),
                                node("f", "filter", "rules", rules(rule("data.x", "matches", "(unclosed")))),
                        List.of(Wire.of("in", "f")))))
                .isInstanceOf(FlowCompileException.class)
                .hasMessageContaining("Node 'f'")
                .hasMessageContaining("config/rules/0/value");
    }
}
