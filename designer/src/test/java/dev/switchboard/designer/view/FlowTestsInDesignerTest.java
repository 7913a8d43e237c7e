package dev.switchboard.designer.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.designer.testkit.DesignerWindow;
import dev.switchboard.designer.testkit.Fx;
import dev.switchboard.designer.viewmodel.FlowTestsViewModel;
import dev.switchboard.designer.viewmodel.RunViewModel;
import dev.switchboard.designer.viewmodel.TraceViewModel;
import dev.switchboard.runtime.flowtest.FlowTestCodec;
import dev.switchboard.runtime.flowtest.FlowTestFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Tests tab runs the flow's *.test.json against the flow in the designer, and pins a traced run as a case. */
@ExtendWith(ApplicationExtension.class)
class FlowTestsInDesignerTest {
    static final String TESTS = """
            {
              "cases": [
                {
                  "name": "a hot lead is tagged",
                  "events": [{"trigger": "hook", "data": {"name": "Ada", "score": 80}}],
                  "expect": [{"node": "tag", "data": {"lead": "Ada", "tier": "hot"}}, {"node": "save", "calls": 1}]
                },
                {
                  "name": "a warm lead is tagged cold (wrong on purpose)",
                  "events": [{"trigger": "hook", "data": {"name": "Bob", "score": 70}}],
                  "expect": [{"node": "tag", "data": {"lead": "Bob", "tier": "cold"}}]
                }
              ]
            }
            """;
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private DesignerWindow designer;
    private Path testFile;

    @Start
    void start(Stage stage) throws Exception {
        Path file = temp.resolve("flows/hot-leads.flow.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, TraceInDesignerTest.FLOW);
        testFile = temp.resolve("flows/hot-leads.test.json");
        Files.writeString(testFile, TESTS);
        designer = DesignerWindow.runnable(stage, temp.resolve("samples"), temp.resolve("data"));
        designer.vm.files().open(file);
    }

    @AfterEach
    void stopRunning(FxRobot robot) {
        robot.interact(() -> designer.vm.run().shutdown());
    }

    @Test
    void runningTheTestsShowsPassAndFailWithTheDifference(FxRobot robot) {
        robot.clickOn("#tab-tests");
        ListView<FlowTestsViewModel.CaseRow> cases =
                robot.lookup("#tests-cases").queryListView();
        await().atMost(WAIT).until(() -> Fx.call(() -> cases.getItems().size() == 2));
        assertThat(Fx.call(() -> cases.getItems().get(0).status())).isEqualTo(FlowTestsViewModel.Status.NOT_RUN);

        robot.clickOn("#tests-run");

        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(text(robot, "#tests-summary")).startsWith("2 case(s): 1 passed, 1 failed"));
        assertThat(Fx.call(() -> cases.getItems().stream()
                        .map(FlowTestsViewModel.CaseRow::status)
                        .toList()))
                .containsExactly(FlowTestsViewModel.Status.PASSED, FlowTestsViewModel.Status.FAILED);
        String detail = Fx.call(
                () -> robot.lookup("#tests-detail").queryAs(TextArea.class).getText());
        assertThat(detail)
                .as("the failed case is selected and its difference shown")
                .contains("/cases/1/expect/0: the event leaving 'tag' through 'out' differs")
                .contains("/data/tier: expected \"cold\", actual \"hot\"");
    }

    @Test
    void aTracedRunPinnedAsACaseIsWrittenBesideTheFlowAndPasses(FxRobot robot) throws Exception {
        robot.clickOn("#tool-run");
        await().atMost(WAIT).until(() -> designer.vm.run().stateProperty().get() == RunViewModel.State.RUNNING);
        robot.clickOn("#tab-inject");
        robot.interact(() ->
                robot.lookup("#inject-text").queryAs(TextArea.class).setText("{\"name\": \"Grace\", \"score\": 90}"));
        robot.clickOn("#inject-send");
        await().atMost(WAIT)
                .until(() -> designer.vm.run().inject().lastEventIdProperty().get() != null);
        String eventId = designer.vm.run().inject().lastEventIdProperty().get();
        robot.clickOn("#inject-trace");
        await().atMost(WAIT).until(() -> {
            TraceViewModel.Trace t = designer.vm.run().trace().traceProperty().get();
            return t != null && t.eventId().equals(eventId) && t.path().contains("save");
        });

        robot.clickOn("#tab-tests");
        robot.clickOn("#tests-case-name").write("Grace is a hot lead");
        robot.clickOn("#tests-pin");

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(text(robot, "#tests-summary"))
                        .isEqualTo("Pinned 'Grace is a hot lead' to hot-leads.test.json"));
        FlowTestFile written = FlowTestCodec.read(testFile);
        assertThat(written.cases())
                .extracting(FlowTestFile.TestCase::name)
                .last()
                .isEqualTo("Grace is a hot lead");
        FlowTestFile.TestCase pinned = written.cases().get(2);
        assertThat(pinned.events()).singleElement().satisfies(e -> {
            assertThat(e.trigger()).isEqualTo("hook");
            assertThat(e.event().id()).isEqualTo(eventId);
        });
        assertThat(pinned.expectations()).extracting(e -> e.node()).containsExactly("hot", "tag", "save", "save");
        assertThat(Files.readString(testFile)).contains("\"tier\": \"hot\"", "\"lead\": \"Grace\"");

        robot.clickOn("#tests-run");
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(text(robot, "#tests-summary")).startsWith("3 case(s): 2 passed, 1 failed"));
        ListView<FlowTestsViewModel.CaseRow> cases =
                robot.lookup("#tests-cases").queryListView();
        assertThat(Fx.call(() -> cases.getItems().get(2)))
                .satisfies(row -> assertThat(row.status()).isEqualTo(FlowTestsViewModel.Status.PASSED));
    }

    private static String text(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).queryAs(Label.class).getText());
    }
}
