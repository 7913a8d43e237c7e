package dev.switchboard.designer.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.designer.testkit.DesignerWindow;
import dev.switchboard.designer.testkit.Fx;
import dev.switchboard.designer.viewmodel.RunViewModel;
import dev.switchboard.designer.viewmodel.TraceViewModel;
import dev.switchboard.runtime.contract.SchemaRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

/** A node's data contract with enforcement warn, in a traced run: the step's warning, read from run history. */
@ExtendWith(ApplicationExtension.class)
class TraceWarningInDesignerTest {
    static final String FLOW = """
            {
              "format": "switchboard/flow@1",
              "id": "leads-warn",
              "nodes": [
                {"id": "hook", "type": "webhook", "config": {"path": "/hooks/leads-warn"}, "ui": {"x": 40, "y": 80}},
                {"id": "log", "type": "log", "config": {"message": "lead {{data.name}}"},
                 "contract": {"subject": "leads@1", "enforcement": "warn"}, "ui": {"x": 300, "y": 80}}
              ],
              "wires": [{"from": "hook", "to": "log"}]
            }
            """;
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private DesignerWindow designer;

    @Start
    void start(Stage stage) throws Exception {
        Path file = temp.resolve("flows/leads-warn.flow.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, FLOW);
        new SchemaRegistry(file.resolveSibling("schemas"))
                .register(
                        "leads",
                        "{\"type\": \"object\", \"required\": [\"name\", \"score\"],"
                                + " \"properties\": {\"score\": {\"type\": \"number\"}}}");
        designer = DesignerWindow.runnable(stage, temp.resolve("samples"), temp.resolve("data"));
        designer.vm.files().open(file);
    }

    @AfterEach
    void stopRunning(FxRobot robot) {
        robot.interact(() -> designer.vm.run().shutdown());
    }

    @Test
    void theTraceShowsTheWarningOfTheStepThatBrokeItsContract(FxRobot robot) {
        robot.clickOn("#tool-run");
        await().atMost(WAIT).until(() -> designer.vm.run().stateProperty().get() == RunViewModel.State.RUNNING);
        robot.clickOn("#tab-inject");
        robot.interact(
                () -> robot.lookup("#inject-text").queryAs(TextArea.class).setText("{\"name\": \"Grace\"}"));
        robot.clickOn("#inject-send");
        await().atMost(WAIT)
                .until(() -> designer.vm.run().inject().lastEventIdProperty().get() != null);
        String id = designer.vm.run().inject().lastEventIdProperty().get();
        robot.clickOn("#inject-trace");
        await().atMost(WAIT).until(() -> {
            TraceViewModel.Trace t = designer.vm.run().trace().traceProperty().get();
            return t != null && t.eventId().equals(id);
        });

        robot.clickOn("#node-log");
        ListView<TraceView.Row> steps = robot.lookup("#trace-steps").queryListView();
        await().atMost(WAIT)
                .until(() -> Fx.call(() -> steps.getSelectionModel().getSelectedItem() != null
                        && steps.getSelectionModel()
                                .getSelectedItem()
                                .step()
                                .nodeId()
                                .equals("log")));
        TreeView<String> detail = robot.lookup("#trace-detail").queryAs(TreeView.class);
        List<String> lines = Fx.call(() -> RunInDesignerTest.lines(detail.getRoot()));
        assertThat(lines).contains("warning: breaks the contract leads@1");
        assertThat(lines.subList(lines.indexOf("warning: breaks the contract leads@1") + 1, lines.size()))
                .as("its violations below it, by pointer")
                .first()
                .asString()
                .startsWith("/score: ");
        assertThat(designer.vm.run().trace().traceProperty().get().step("hook"))
                .hasValueSatisfying(hook -> assertThat(hook.warning()).isNull());
    }
}
