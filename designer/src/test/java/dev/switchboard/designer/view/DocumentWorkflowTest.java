package dev.switchboard.designer.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.designer.testkit.DesignerWindow;
import dev.switchboard.runtime.model.Node;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DocumentWorkflowTest {
    @TempDir
    static Path temp;

    private DesignerWindow designer;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        designer = new DesignerWindow(stage, temp);
    }

    @Test
    void clickingAProblemSelectsTheNodeAndFocusesTheField(FxRobot robot) {
        robot.doubleClickOn("#palette-demo-http");
        assertThat(designer.vm.flow().nodes()).extracting(Node::id).containsExactly("demo-http");
        robot.clickOn("#canvas"); // empty space: nothing selected
        assertThat(designer.vm.selection().isEmpty()).isTrue();

        robot.clickOn("Missing required property 'url' (URL)");
        assertThat(designer.vm.selection().single()).contains("demo-http");
        assertThat(robot.lookup("#field-url").query().isFocused()).isTrue();
        assertThat(robot.lookup("#node-demo-http").query().getStyleClass()).contains(Styles.HAS_PROBLEMS);

        robot.write("http://127.0.0.1/ok");
        assertThat(designer.vm.problems().items()).noneMatch(dev.switchboard.runtime.validate.Problem::isError);
        assertThat(robot.lookup("#node-demo-http").query().getStyleClass()).doesNotContain(Styles.HAS_PROBLEMS);
    }

    @Test
    void theFirstSaveAsksForTheNameAndTheIdFileNameAndWebhookPathFollowIt(FxRobot robot) throws Exception {
        robot.doubleClickOn("#palette-demo-webhook");
        designer.dialogs.nameAnswer = "Big orders → CRM";
        designer.dialogs.saveAnswer = temp.resolve("big-orders-crm.flow.json");
        robot.clickOn("#tool-save");

        assertThat(designer.dialogs.nameQuestions).isEqualTo(1);
        assertThat(designer.vm.flow().id()).isEqualTo("big-orders-crm");
        assertThat(designer.vm.flow().name()).isEqualTo("Big orders → CRM");
        assertThat(designer.vm
                        .flow()
                        .node("demo-webhook")
                        .orElseThrow()
                        .config()
                        .values()
                        .get("path"))
                .isEqualTo(dev.switchboard.connector.spi.config.ConfigValue.of("/hooks/big-orders-crm"));
        assertThat(java.nio.file.Files.readString(designer.dialogs.saveAnswer)).contains("\"id\": \"big-orders-crm\"");
        assertThat(designer.vm.isDirty()).isFalse();

        robot.doubleClickOn("#palette-demo-filter");
        robot.clickOn("#tool-save");
        assertThat(designer.dialogs.nameQuestions)
                .as("a saved flow keeps its name")
                .isEqualTo(1);
    }

    @Test
    void unsavedChangesAreGuardedOnNewAndOnClose(FxRobot robot) {
        robot.doubleClickOn("#palette-demo-webhook");
        assertThat(designer.vm.isDirty()).isTrue();

        designer.dialogs.unsavedAnswer = DialogService.UnsavedChoice.CANCEL;
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        assertThat(designer.dialogs.unsavedQuestions).isEqualTo(1);
        assertThat(designer.vm.flow().nodes()).hasSize(1);

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(designer.dialogs.unsavedQuestions).isEqualTo(2);
        assertThat(stage.isShowing()).isTrue();

        designer.dialogs.unsavedAnswer = DialogService.UnsavedChoice.DISCARD;
        robot.clickOn("#tool-new");
        assertThat(designer.vm.flow().nodes()).isEmpty();
        assertThat(designer.vm.isDirty()).isFalse();
    }

    @Test
    void shortcutsEditTheFlowOnTheCanvasAndTheTextInAField(FxRobot robot) {
        robot.doubleClickOn("#palette-demo-http");
        robot.clickOn("#node-demo-http");
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        assertThat(designer.vm.flow().nodes()).extracting(Node::id).containsExactly("demo-http", "demo-http-2");
        assertThat(designer.vm.selection().nodes()).containsExactly("demo-http-2");

        robot.clickOn("#field-url").write("abc");
        robot.type(KeyCode.HOME).type(KeyCode.DELETE);
        assertThat(robot.lookup("#field-url").queryTextInputControl().getText()).isEqualTo("bc");
        assertThat(designer.vm.flow().nodes()).hasSize(2);

        robot.clickOn("#node-demo-http-2"); // the copy lies on top, down and to the right
        robot.type(KeyCode.DELETE);
        assertThat(designer.vm.flow().nodes()).extracting(Node::id).containsExactly("demo-http");
    }

    @Test
    void shiftDragOnEmptyCanvasSelectsTheNodesInTheBand(FxRobot robot) {
        robot.doubleClickOn("#palette-demo-webhook");
        robot.doubleClickOn("#palette-demo-http");
        robot.clickOn("#canvas");
        javafx.geometry.Bounds canvas = robot.lookup("#canvas")
                .query()
                .localToScreen(robot.lookup("#canvas").query().getBoundsInLocal());
        robot.press(KeyCode.SHIFT);
        robot.drag(new javafx.geometry.Point2D(canvas.getMinX() + 5, canvas.getMinY() + 5))
                .dropTo(new javafx.geometry.Point2D(canvas.getMaxX() - 5, canvas.getMaxY() - 5));
        robot.release(KeyCode.SHIFT);
        assertThat(designer.vm.selection().nodes()).containsExactlyInAnyOrder("demo-webhook", "demo-http");
    }

    @Test
    void aWireIntoATriggerIsRefusedWithAHint(FxRobot robot) {
        robot.doubleClickOn("#palette-demo-webhook");
        robot.interact(() -> designer.vm.selection().clear()); // else the palette adds after the webhook, wired
        robot.doubleClickOn("#palette-demo-http");
        robot.drag("#port-demo-http-out").dropTo("#node-demo-webhook");
        assertThat(designer.vm.flow().wires()).isEmpty();
        assertThat(robot.lookup("#status").queryLabeled().getText())
                .startsWith("Cannot wire")
                .contains("trigger");
    }
}
