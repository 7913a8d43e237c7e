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

/**
 * The governed-payments sample from the gallery, in the real window on a real embedded runtime:
 * its policies come along with the import and the save, the Run panel names the file it applies,
 * an edit between two Runs changes what the trace shows masked, and a broken file shows where.
 */
@ExtendWith(ApplicationExtension.class)
class PoliciesInGalleryTest {
    static final Path SAMPLE = Path.of("..", "samples", "governed-payments");
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String EU_PAYMENT = """
            {"paymentId": "p-1", "region": "eu", "email": "ada@example.com",
             "card": {"number": "5500005555555559"}, "amount": 12.5}""";

    @TempDir
    Path temp;

    private DesignerWindow designer;
    private Path samplePolicies;

    @Start
    void start(Stage stage) throws Exception {
        // a copy of the sample, so that no test can touch the shipped one
        Path samples = Files.createDirectories(temp.resolve("samples/governed-payments"));
        for (String file : List.of("governed-payments.flow.json", "policies.json")) {
            Files.copy(SAMPLE.resolve(file), samples.resolve(file));
        }
        samplePolicies = samples.resolve("policies.json").toAbsolutePath().normalize();
        designer = DesignerWindow.runnable(stage, temp.resolve("samples"), temp.resolve("data"));
    }

    @AfterEach
    void stopRunning(FxRobot robot) {
        robot.interact(() -> designer.vm.run().shutdown());
    }

    @Test
    void theSampleComesWithItsPoliciesAndItsRunMasksAndBlocksByThem(FxRobot robot) {
        importSample(robot);
        assertThat(designer.vm.files().templatePoliciesProperty().get()).isEqualTo(samplePolicies);

        run(robot);
        assertThat(text(robot, "#run-policies"))
                .isEqualTo("Policies applied — masking 2 · routing 1 — from " + samplePolicies);
        assertThat(Fx.call(() -> robot.lookup("#run-policies")
                        .queryAs(Label.class)
                        .getTooltip()
                        .getText()))
                .endsWith("\nmasking 2 (cards, emails) · routing 1 (eu-payments-stay-in-eu)");

        trace(robot, inject(robot, EU_PAYMENT));
        TraceViewModel.Trace trace = designer.vm.run().trace().traceProperty().get();
        assertThat(trace.policies("payments")).contains("cards: masked", "emails: masked");
        assertThat(trace.policies("regional")).contains("eu-payments-stay-in-eu: allowed payments.eu");
        assertThat(trace.policies("analytics")).contains("eu-payments-stay-in-eu: blocked analytics.payments");
        assertThat(detailAt(robot, "payments"))
                .contains("number: \"***5559\"", "email: \"***\"")
                .noneSatisfy(l -> assertThat(l).contains("5500005555555559", "ada@example.com"));

        Path export = temp.resolve("export");
        designer.dialogs.exportAnswer = export;
        robot.clickOn("#tool-export");
        assertThat(export.resolve("policies.json"))
                .as("the exported folder runs under the same policies")
                .hasSameTextualContentAs(samplePolicies);
    }

    @Test
    void editingThePoliciesBetweenTwoRunsChangesWhatTheTraceShowsMasked(FxRobot robot) throws Exception {
        importSample(robot);
        Path flow = saveInto(robot, temp.resolve("work"));
        Path policies = flow.resolveSibling("policies.json");
        assertThat(policies).as("saving brought the sample's policies along").hasSameTextualContentAs(samplePolicies);

        run(robot);
        assertThat(text(robot, "#run-policies")).endsWith(" — from " + policies.toAbsolutePath());
        trace(robot, inject(robot, EU_PAYMENT));
        assertThat(detailAt(robot, "payments")).contains("number: \"***5559\"");

        Files.writeString(policies, Files.readString(policies).replace("\"last4\"", "\"redact\""));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(text(robot, "#run-policies-pending"))
                        .isEqualTo("policies.json changed — applied at the next Run"));

        run(robot);
        await().atMost(WAIT).until(() -> text(robot, "#run-policies-pending").isEmpty());
        trace(robot, inject(robot, EU_PAYMENT));
        assertThat(detailAt(robot, "payments"))
                .as("the second Run applies the edited file")
                .contains("number: \"***\"")
                .noneSatisfy(l -> assertThat(l).contains("5559"));
    }

    @Test
    void anInvalidPoliciesFileShowsItsPointerInTheRunPanel(FxRobot robot) throws Exception {
        importSample(robot);
        Path flow = saveInto(robot, temp.resolve("broken"));
        Files.writeString(flow.resolveSibling("policies.json"), """
                {"format": "switchboard/policies@1",
                 "masking": [{"name": "cards", "fields": ["card.number"], "method": "last4"}]}
                """);

        robot.clickOn("#tool-run");
        await().atMost(WAIT).until(() -> !text(robot, "#run-policies-problem").isEmpty());

        assertThat(designer.vm.run().stateProperty().get()).isEqualTo(RunViewModel.State.STOPPED);
        assertThat(robot.lookup("#run-policies-problem").queryAs(Label.class).isVisible())
                .isTrue();
        assertThat(text(robot, "#run-policies-problem"))
                .startsWith("Not applied — ")
                .contains("is not a valid policies file:", "/masking/0/fields/0: ", "must start with data");
    }

    private void importSample(FxRobot robot) {
        robot.clickOn("#tool-template");
        assertThat(text(robot, "#template-policies-governed-payments")).endsWith(" + policies.json");
        robot.clickOn("#template-governed-payments");
        robot.clickOn("#gallery-open");
        await().atMost(WAIT)
                .until(() -> robot.lookup("#node-analytics").tryQuery().isPresent());
    }

    private Path saveInto(FxRobot robot, Path folder) throws Exception {
        Files.createDirectories(folder);
        Path flow = folder.resolve("governed-payments.flow.json");
        designer.dialogs.saveAnswer = flow;
        robot.clickOn("#tool-save");
        await().atMost(WAIT).until(() -> Files.exists(flow));
        assertThat(designer.vm.statusProperty().get()).contains("with its policies.json beside it");
        return flow;
    }

    private void run(FxRobot robot) {
        robot.clickOn("#tool-run");
        await().atMost(WAIT)
                .until(() -> designer.vm.run().stateProperty().get() == RunViewModel.State.RUNNING
                        && !text(robot, "#run-policies").isEmpty());
    }

    private String inject(FxRobot robot, String json) {
        String before = designer.vm.run().inject().lastEventIdProperty().get();
        robot.clickOn("#tab-inject");
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
            return t != null
                    && t.eventId().equals(eventId)
                    && t.step("analytics").isPresent();
        });
    }

    /** The trace panel's detail of the step at {@code nodeId}, chosen by clicking its card. */
    private static List<String> detailAt(FxRobot robot, String nodeId) {
        robot.clickOn("#node-" + nodeId);
        ListView<TraceView.Row> steps = robot.lookup("#trace-steps").queryListView();
        await().atMost(WAIT)
                .until(() -> Fx.call(() -> steps.getSelectionModel().getSelectedItem() != null
                        && steps.getSelectionModel()
                                .getSelectedItem()
                                .step()
                                .nodeId()
                                .equals(nodeId)));
        TreeView<String> detail = robot.lookup("#trace-detail").queryAs(TreeView.class);
        return Fx.call(() -> RunInDesignerTest.lines(detail.getRoot()));
    }

    private static String text(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).queryAs(Label.class).getText());
    }
}
