package dev.switchboard.designer.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.designer.testkit.DesignerWindow;
import dev.switchboard.designer.testkit.Fx;
import dev.switchboard.designer.viewmodel.RunViewModel;
import dev.switchboard.designer.viewmodel.TraceViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Inject sample events into a running trigger and trace them: the canvas highlights the real path. */
@ExtendWith(ApplicationExtension.class)
class TraceInDesignerTest {
    static final String FLOW = """
            {
              "format": "switchboard/flow@1",
              "id": "hot-leads",
              "name": "Hot leads",
              "nodes": [
                {"id": "hook", "type": "webhook", "config": {"path": "/hooks/leads"}, "ui": {"x": 40, "y": 80}},
                {"id": "hot", "type": "filter", "name": "Score over 50",
                 "config": {"rules": [{"field": "data.score", "op": "gt", "value": 50}]}, "ui": {"x": 300, "y": 80}},
                {"id": "tag", "type": "map", "config": {"fields": {"lead": "{{data.name}}", "tier": "hot"}}, "ui": {"x": 560, "y": 80}},
                {"id": "save", "type": "file.write", "config": {"path": "out/hot.jsonl", "format": "jsonl"}, "ui": {"x": 820, "y": 80}}
              ],
              "wires": [
                {"from": "hook", "to": "hot"},
                {"from": "hot", "port": "matched", "to": "tag"},
                {"from": "tag", "to": "save"}
              ]
            }
            """;
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private DesignerWindow designer;

    @Start
    void start(Stage stage) throws Exception {
        Path file = temp.resolve("flows/hot-leads.flow.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, FLOW);
        // the central policies beside the flow apply to the designer's Run as to switchboard run
        Files.writeString(file.resolveSibling("policies.json"), """
                {"format": "switchboard/policies@1",
                 "masking": [{"name": "cards", "fields": ["data.card.number"], "method": "last4"}]}
                """);
        designer = DesignerWindow.runnable(stage, temp.resolve("samples"), temp.resolve("data"));
        designer.vm.files().open(file);
    }

    @AfterEach
    void stopRunning(FxRobot robot) {
        robot.interact(() -> designer.vm.run().shutdown());
    }

    @Test
    void tracingAnInjectedEventHighlightsExactlyTheNodesItPassed(FxRobot robot) {
        robot.clickOn("#tool-run");
        await().atMost(WAIT).until(() -> designer.vm.run().stateProperty().get() == RunViewModel.State.RUNNING);
        robot.clickOn("#tab-inject");
        ComboBox<String> trigger = robot.lookup("#inject-trigger").queryComboBox();
        assertThat(trigger.getItems()).containsExactly("hook");
        assertThat(trigger.getValue()).isEqualTo("hook");
        assertThat(robot.lookup("#inject-text").queryAs(TextArea.class).getText())
                .as("starts from the connector's sample event")
                .contains("Ada Lovelace");

        String cold = inject(robot, "{\"name\": \"Cold\", \"score\": 10}");
        trace(robot, cold);
        assertThat(designer.vm.run().trace().traceProperty().get().path()).containsExactly("hook", "hot");
        assertThat(highlighted(robot))
                .as("the filter dropped it: the path ends there")
                .containsExactlyInAnyOrder("hook", "hot");
        assertThat(dimmed(robot)).containsExactlyInAnyOrder("tag", "save");
        assertThat(robot.lookup("#trace-step-hot").queryAs(Label.class).getText())
                .isEqualTo("step 2");
        assertThat(robot.lookup("#wire-hook-out-hot").queryAs(WireView.class).isTraced())
                .isTrue();
        assertThat(robot.lookup("#wire-hot-matched-tag").queryAs(WireView.class).isTraced())
                .isFalse();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(text(robot, "#live-hot")).isEqualTo("in 1 · out 0 · filtered 1"));

        String hot =
                inject(robot, "{\"name\": \"Grace\", \"score\": 90, \"card\": {\"number\": \"4111111111111111\"}}");
        trace(robot, hot);
        assertThat(designer.vm.run().trace().traceProperty().get().path())
                .containsExactly("hook", "hot", "tag", "save");
        assertThat(highlighted(robot)).containsExactlyInAnyOrder("hook", "hot", "tag", "save");
        assertThat(dimmed(robot)).isEmpty();

        robot.clickOn("#node-tag");
        ListView<TraceView.Row> steps = robot.lookup("#trace-steps").queryListView();
        await().atMost(WAIT)
                .until(() -> Fx.call(() -> steps.getSelectionModel().getSelectedItem() != null
                        && steps.getSelectionModel()
                                .getSelectedItem()
                                .step()
                                .nodeId()
                                .equals("tag")));
        TreeView<String> detail = robot.lookup("#trace-detail").queryAs(TreeView.class);
        List<String> lines = Fx.call(() -> RunInDesignerTest.lines(detail.getRoot()));
        assertThat(lines)
                .as("the node's input and output from the run history")
                .contains("name: \"Grace\"", "lead: \"Grace\"", "tier: \"hot\"");

        robot.clickOn("#node-hook");
        await().atMost(WAIT)
                .until(() -> Fx.call(() -> steps.getSelectionModel().getSelectedItem() != null
                        && steps.getSelectionModel()
                                .getSelectedItem()
                                .step()
                                .nodeId()
                                .equals("hook")));
        List<String> atTrigger = Fx.call(() -> RunInDesignerTest.lines(detail.getRoot()));
        assertThat(atTrigger)
                .as("the central policies' decision at the trigger, and the card masked")
                .contains("policies", "cards: masked", "number: \"***1111\"")
                .noneSatisfy(l -> assertThat(l).contains("4111111111111111"));
    }

    private String inject(FxRobot robot, String json) {
        String before = designer.vm.run().inject().lastEventIdProperty().get();
        robot.clickOn("#tab-inject"); // tracing brought the trace tab forward
        robot.interact(
                () -> robot.lookup("#inject-text").queryAs(TextArea.class).setText(json));
        robot.clickOn("#inject-send");
        await().atMost(WAIT).until(() -> {
            String id = designer.vm.run().inject().lastEventIdProperty().get();
            return id != null && !id.equals(before);
        });
        return designer.vm.run().inject().lastEventIdProperty().get();
    }

    private void trace(FxRobot robot, String eventId) {
        robot.clickOn("#inject-trace");
        await().atMost(WAIT).until(() -> {
            TraceViewModel.Trace t = designer.vm.run().trace().traceProperty().get();
            return t != null && t.eventId().equals(eventId);
        });
    }

    private static Set<String> highlighted(FxRobot robot) {
        return robot.lookup(".flow-node.traced").queryAll().stream()
                .map(n -> ((NodeView) n).nodeId())
                .collect(Collectors.toSet());
    }

    private static Set<String> dimmed(FxRobot robot) {
        return robot.lookup(".flow-node.untraced").queryAll().stream()
                .map(n -> ((NodeView) n).nodeId())
                .collect(Collectors.toSet());
    }

    private static String text(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).queryAs(Label.class).getText());
    }
}
