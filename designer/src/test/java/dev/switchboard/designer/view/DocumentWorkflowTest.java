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
}
