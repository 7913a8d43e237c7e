package dev.switchboard.designer.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.designer.testkit.DesignerWindow;
import dev.switchboard.designer.testkit.Fx;
import dev.switchboard.designer.viewmodel.LineageViewModel;
import dev.switchboard.designer.viewmodel.RunViewModel;
import dev.switchboard.designer.viewmodel.TraceViewModel;
import dev.switchboard.runtime.store.RunQueries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** An event published to another flow: the lineage panel shows both runs and the hand-over, and traces a run on click. */
@ExtendWith(ApplicationExtension.class)
class LineageInDesignerTest {
    static final String INTAKE = """
            {
              "format": "switchboard/flow@1",
              "id": "intake",
              "nodes": [
                {"id": "hook", "type": "webhook", "config": {"path": "/hooks/intake"}, "ui": {"x": 40, "y": 80}},
                {"id": "publish", "type": "event.publish", "config": {"topic": "orders.created"}, "ui": {"x": 300, "y": 80}}
              ],
              "wires": [{"from": "hook", "to": "publish"}]
            }
            """;
    static final String AUDIT = """
            {
              "format": "switchboard/flow@1",
              "id": "audit",
              "nodes": [
                {"id": "orders", "type": "event.subscribe", "config": {"topic": "orders.created"}, "ui": {"x": 40, "y": 80}},
                {"id": "stamp", "type": "map", "config": {"fields": {"audited": "yes"}}, "ui": {"x": 300, "y": 80}}
              ],
              "wires": [{"from": "orders", "to": "stamp"}]
            }
            """;
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private DesignerWindow designer;

    @Start
    void start(Stage stage) throws Exception {
        Path intake = temp.resolve("flows/intake.flow.json");
        Files.createDirectories(intake.getParent());
        Files.writeString(intake, INTAKE);
        Files.writeString(temp.resolve("flows/audit.flow.json"), AUDIT);
        designer = DesignerWindow.runnable(stage, temp.resolve("samples"), temp.resolve("data"));
        designer.vm.files().open(intake);
    }

    @AfterEach
    void stopRunning(FxRobot robot) {
        robot.interact(() -> designer.vm.run().shutdown());
    }

    @Test
    void anEventHandedToAnotherFlowShowsBothRunsAndTracesTheClickedOne(FxRobot robot) {
        String eventId = runAndInject(robot);

        robot.clickOn("#tab-lineage");
        robot.clickOn("#lineage-id").write(eventId);
        robot.clickOn("#lineage-show");

        LineageViewModel.Lineage lineage = awaitLineage(eventId);
        assertThat(lineage.boxes())
                .extracting(LineageViewModel.Box::flowId, LineageViewModel.Box::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("intake", 0),
                        org.assertj.core.groups.Tuple.tuple("audit", 1));
        assertThat(lineage.boxes().get(1).nodes()).containsExactly("orders", "stamp");
        LineageViewModel.Box audit = lineage.boxes().get(1);
        Label cause = robot.lookup("#lineage-arrow-" + lineage.boxes().get(0).runId() + "-" + audit.runId())
                .queryAs(Label.class);
        assertThat(cause.getText()).isEqualTo("handed on");
        assertThat(text(robot, "#lineage-run-" + audit.runId() + " .lineage-box-title"))
                .startsWith("audit · success · ");

        robot.clickOn("#lineage-run-" + audit.runId());

        await().atMost(WAIT).until(() -> {
            TraceViewModel.Trace t = designer.vm.run().trace().traceProperty().get();
            return t != null && t.eventId().equals(eventId);
        });
        assertThat(selectedTab(robot)).as("the trace tab comes forward").isEqualTo("tab-trace");
    }

    @Test
    void showLineageFromTheRunsListsContextMenu(FxRobot robot) {
        String eventId = runAndInject(robot);
        robot.clickOn("#tab-runs");
        TableView<RunQueries.Run> runs = robot.lookup("#runs").queryTableView();
        await().atMost(WAIT)
                .until(() -> Fx.call(() -> runs.getItems().stream()
                        .anyMatch(r -> r.eventId().equals(eventId) && r.flowId().equals("audit"))));
        robot.interact(() -> runs.getSelectionModel()
                .select(runs.getItems().stream()
                        .filter(r -> r.eventId().equals(eventId) && r.flowId().equals("audit"))
                        .findFirst()
                        .orElseThrow()));

        robot.clickOn("#runs .table-row-cell:selected", MouseButton.SECONDARY);
        robot.clickOn("Show lineage");

        assertThat(awaitLineage(eventId).boxes()).hasSize(2);
        assertThat(selectedTab(robot)).isEqualTo("tab-lineage");
    }

    private String runAndInject(FxRobot robot) {
        robot.clickOn("#tool-run");
        await().atMost(WAIT).until(() -> designer.vm.run().stateProperty().get() == RunViewModel.State.RUNNING);
        assertThat(designer.vm.run().isRunning("audit"))
                .as(
                        "the subscriber beside it runs too (status: %s)",
                        designer.vm.statusProperty().get())
                .isTrue();
        robot.clickOn("#tab-inject");
        robot.interact(
                () -> robot.lookup("#inject-text").queryAs(TextArea.class).setText("{\"order\": 7}"));
        robot.clickOn("#inject-send");
        await().atMost(WAIT)
                .until(() -> designer.vm.run().inject().lastEventIdProperty().get() != null);
        return designer.vm.run().inject().lastEventIdProperty().get();
    }

    /** Both runs are written once the subscriber's run ends: ask until the history holds both. */
    private LineageViewModel.Lineage awaitLineage(String eventId) {
        await().atMost(WAIT).untilAsserted(() -> {
            LineageViewModel.Lineage l =
                    designer.vm.run().lineage().lineageProperty().get();
            if (l == null || !l.eventId().equals(eventId) || l.boxes().size() != 2) {
                Fx.call(() -> {
                    designer.vm.run().lineage().show(eventId);
                    return null;
                });
            }
            assertThat(l)
                    .as(
                            "lineage of %s (status: %s)",
                            eventId, designer.vm.statusProperty().get())
                    .isNotNull()
                    .satisfies(shown -> assertThat(shown.boxes()).hasSize(2));
        });
        return designer.vm.run().lineage().lineageProperty().get();
    }

    private static String selectedTab(FxRobot robot) {
        return Fx.call(() -> robot.lookup("#bottom-panel")
                .queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel()
                .getSelectedItem()
                .getId());
    }

    private static String text(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).queryAs(Label.class).getText());
    }
}
