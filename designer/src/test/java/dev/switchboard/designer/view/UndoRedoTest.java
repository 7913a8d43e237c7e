package dev.switchboard.designer.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.designer.testkit.DesignerWindow;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Position;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class UndoRedoTest {
    @TempDir
    static Path temp;

    private DesignerWindow designer;

    @Start
    void start(Stage stage) {
        designer = new DesignerWindow(stage, temp);
    }

    @Test
    void undoAndRedoWalkBackAndForthThroughAddMoveWireEditAndDelete(FxRobot robot) {
        List<Flow> states = new ArrayList<>();
        states.add(designer.vm.flow());
        Point2D origin = canvasOrigin(robot);

        robot.drag("#palette-demo-webhook").dropTo(origin.add(120, 120));
        robot.drag("#palette-demo-http").dropTo(origin.add(520, 120));
        states.add(designer.vm.flow());
        assertThat(designer.vm.flow().nodes()).hasSize(2);

        Position before = designer.vm.flow().node("demo-http").orElseThrow().ui();
        robot.drag("#node-demo-http").moveBy(60, 100).drop();
        Position after = designer.vm.flow().node("demo-http").orElseThrow().ui();
        assertThat(after).isNotEqualTo(before);
        assertThat(after.x() % 20).isZero();
        assertThat(after.y() % 20).isZero();
        states.add(designer.vm.flow());

        robot.drag("#port-demo-webhook-out").dropTo("#node-demo-http");
        assertThat(designer.vm.flow().wires()).hasSize(1);
        states.add(designer.vm.flow());

        robot.clickOn("#node-demo-http");
        robot.clickOn("#field-url").write("http://127.0.0.1/x");
        assertThat(designer.vm.flow().node("demo-http").orElseThrow().config().values())
                .containsKey("url");
        states.add(designer.vm.flow());

        robot.clickOn("#node-demo-webhook");
        robot.type(KeyCode.DELETE);
        assertThat(designer.vm.flow().nodes()).hasSize(1);
        assertThat(designer.vm.flow().wires()).isEmpty();
        states.add(designer.vm.flow());

        // each press of Ctrl+Z restores the previous state; the two-node add was two steps
        int[] expectBack = {4, 3, 2, 1};
        for (int index : expectBack) {
            robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
            assertThat(designer.vm.flow()).as("after undo to state %d", index).isEqualTo(states.get(index));
        }
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(designer.vm.flow()).isEqualTo(states.get(0));
        assertThat(robot.lookup("#node-demo-webhook").tryQuery()).isEmpty();
        assertThat(designer.vm.isDirty()).isFalse();

        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        for (int index = 1; index < states.size(); index++) {
            assertThat(designer.vm.flow()).as("after redo to state %d", index).isEqualTo(states.get(index));
            if (index + 1 < states.size()) {
                robot.clickOn("#tool-redo");
            }
        }
        assertThat(robot.lookup("#node-demo-webhook").tryQuery()).isEmpty();
        assertThat(designer.vm.isDirty()).isTrue();
    }

    private static Point2D canvasOrigin(FxRobot robot) {
        Bounds b = robot.lookup("#canvas")
                .query()
                .localToScreen(robot.lookup("#canvas").query().getBoundsInLocal());
        return new Point2D(b.getMinX(), b.getMinY());
    }
}
