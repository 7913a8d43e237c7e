package dev.switchboard.designer.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Position;
import dev.switchboard.runtime.model.Wire;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTest {
    private static final ConnectorCatalog CATALOG = ConnectorCatalog.load();

    static Flow chain() {
        return Flow.empty("f", "F")
                .withNodes(List.of(
                        new Node("hook", "demo.webhook", null, null, new Position(0, 0)),
                        new Node("filter", "demo.filter", null, null, new Position(0, 200)),
                        new Node("http", "demo.http", null, null, new Position(0, 400))))
                .withWires(List.of(Wire.of("hook", "filter"), Wire.of("filter", "matched", "http")));
    }

    @Test
    void freshIdsComeFromTheTypeAndCountUp() {
        assertThat(NodeIds.fresh("http.request", List.of())).isEqualTo("http-request");
        assertThat(NodeIds.fresh("http.request", List.of("http-request"))).isEqualTo("http-request-2");
        assertThat(NodeIds.fresh("http-request-2", List.of("http-request", "http-request-2")))
                .isEqualTo("http-request-3");
    }

    @Test
    void wireRulesRefuseTriggersSelfDuplicatesCyclesAndUnknownPorts() {
        WireRules rules = new WireRules(CATALOG);
        Flow flow = chain();
        assertThat(rules.refusal(flow, "filter", "matched", "hook"))
                .hasValueSatisfying(m -> assertThat(m).contains("trigger"));
        assertThat(rules.refusal(flow, "http", "out", "http"))
                .hasValueSatisfying(m -> assertThat(m).contains("itself"));
        assertThat(rules.refusal(flow, "hook", "out", "filter"))
                .hasValueSatisfying(m -> assertThat(m).contains("already"));
        assertThat(rules.refusal(flow, "http", "out", "filter"))
                .hasValueSatisfying(m -> assertThat(m).contains("loop"));
        assertThat(rules.refusal(flow, "filter", "nope", "http"))
                .hasValueSatisfying(m -> assertThat(m).contains("no output"));
        assertThat(rules.refusal(flow, "filter", "rejected", "http")).isEmpty();
    }

    @Test
    void autoLayoutPutsEachNodeInTheColumnOfItsLongestPath() {
        Flow flow = chain().withWires(List.of(
                Wire.of("hook", "filter"), Wire.of("filter", "matched", "http"), Wire.of("hook", "http")));
        Map<String, Position> at = AutoLayout.layout(flow);
        assertThat(at.get("hook").x()).isLessThan(at.get("filter").x());
        assertThat(at.get("filter").x()).isLessThan(at.get("http").x());
        assertThat(at.get("hook").y()).isEqualTo(at.get("http").y());
    }

    /** hook → filter-1 → … → filter-(n-1) → http, as long as a flow gets; nodes listed last first. */
    static Flow longChain(int nodes) {
        List<Node> list = new java.util.ArrayList<>();
        List<Wire> wires = new java.util.ArrayList<>();
        list.add(new Node("hook", "demo.webhook", null, null, new Position(0, 0)));
        for (int i = 1; i < nodes - 1; i++) {
            list.add(new Node("filter-" + i, "demo.filter", null, null, new Position(0, 0)));
            wires.add(i == 1 ? Wire.of("hook", "filter-1") : Wire.of("filter-" + (i - 1), "matched", "filter-" + i));
        }
        list.add(new Node("http", "demo.http", null, null, new Position(0, 0)));
        wires.add(Wire.of("filter-" + (nodes - 2), "matched", "http"));
        // listed from the end, so a walk over the nodes starts at the far end of the chain
        java.util.Collections.reverse(list);
        return Flow.empty("long", "Long").withNodes(list).withWires(wires);
    }

    @Test
    void graphWalksOverTenThousandNodesNeedNoDeepStack() throws Exception {
        Flow flow = longChain(10_000);

        // a thread with a small stack: a walk that recursed once per node would overflow it
        onSmallStack(() -> {
            Map<String, Position> at = AutoLayout.layout(flow);
            assertThat(at.get("http").x()).isEqualTo(AutoLayout.ORIGIN + 9_999 * AutoLayout.COLUMN_GAP);
            assertThat(new FieldSuggestions(CATALOG).forNode(flow, "http")).contains("{{data.customer.email}}");
            assertThat(new WireRules(CATALOG).refusal(flow, "http", "out", "filter-1"))
                    .hasValueSatisfying(m -> assertThat(m).contains("loop"));
        });
    }

    private static void onSmallStack(Runnable work) throws Exception {
        java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(work, null);
        new Thread(null, task, "small-stack", 256 * 1024).start();
        task.get();
    }

    @Test
    void autoLayoutStillPlacesNodesOnALoop() {
        Flow loop = chain().withWires(List.of(
                Wire.of("hook", "filter"), Wire.of("filter", "matched", "http"), Wire.of("http", "filter")));

        Map<String, Position> at = AutoLayout.layout(loop);

        assertThat(at).containsOnlyKeys("hook", "filter", "http");
        assertThat(at.get("hook").x()).isLessThan(at.get("filter").x());
    }

    @Test
    void pastedFragmentGetsFreshIdsAndKeepsItsInnerWires() {
        Flow flow = chain();
        FlowFragment copy = FlowFragment.of(flow, List.of("filter", "http")).withFreshIds(flow);
        assertThat(copy.nodes()).extracting(Node::id).containsExactly("filter-2", "http-2");
        assertThat(copy.wires()).containsExactly(Wire.of("filter-2", "matched", "http-2"));
        assertThat(copy.nodes().get(0).ui()).isEqualTo(new Position(40, 240));
    }

    @Test
    void suggestionsComeFromTriggersUpstreamOnly() {
        FieldSuggestions s = new FieldSuggestions(CATALOG);
        Flow flow = chain();
        assertThat(s.forNode(flow, "http")).contains("{{data.customer.email}}", "{{data.items[0].sku}}");
        Flow unwired = flow.withWires(List.of());
        assertThat(s.forNode(unwired, "http")).isEmpty();
    }

    @Test
    void viewportZoomKeepsThePointUnderTheCursorStill() {
        Viewport v = new Viewport(1, 10, 20).zoomAt(2, 110, 120);
        assertThat(v.toCanvasX(110)).isEqualTo(100);
        assertThat(v.toCanvasY(120)).isEqualTo(100);
        assertThat(Viewport.IDENTITY.zoomAt(100, 0, 0).scale()).isEqualTo(Viewport.MAX_SCALE);
    }

    @Test
    void fitShowsEverythingWithoutMagnifying() {
        Viewport v = Viewport.fit(0, 0, 2000, 500, 1000, 800);
        assertThat(v.scale()).isLessThan(1);
        assertThat(v.toCanvasX(0)).isLessThanOrEqualTo(0);
        assertThat(v.toCanvasX(1000)).isGreaterThanOrEqualTo(2000);
        assertThat(Viewport.fit(0, 0, 100, 100, 1000, 800).scale()).isEqualTo(1);
    }

    @Test
    void exportListsSecretNamesButNeverValues() throws Exception {
        Flow flow = chain().withNode(new Node(
                "http",
                "demo.http",
                null,
                ConfigValue.object("url", "http://127.0.0.1/{{secret:PATH_KEY}}", "token", "{{secret:CRM_TOKEN}}"),
                new Position(0, 400)));
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("export");
        FlowExporter.Result r = new FlowExporter().export(List.of(flow), dir);
        assertThat(r.secretNames()).containsExactlyInAnyOrder("PATH_KEY", "CRM_TOKEN");
        String example = java.nio.file.Files.readString(dir.resolve(FlowExporter.SECRETS_EXAMPLE));
        assertThat(example).contains("PATH_KEY=\n", "CRM_TOKEN=\n").doesNotContain("{{");
        assertThat(java.nio.file.Files.readString(dir.resolve(FlowExporter.README)))
                .contains("--secrets");
        assertThat(dir.resolve("f.flow.json")).exists();
    }
}
