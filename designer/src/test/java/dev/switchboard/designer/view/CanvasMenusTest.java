package dev.switchboard.designer.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.designer.testkit.DesignerWindow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The canvas's right-click menus and the quick-add picker they open. */
@ExtendWith(ApplicationExtension.class)
class CanvasMenusTest {
    @TempDir
    static Path temp;

    private DesignerWindow designer;

    @Start
    void start(Stage stage) {
        designer = new DesignerWindow(stage, temp.resolve("no-samples"));
    }

    @Test
    void addHereThenAddAfterDisconnectAndDeleteFromTheMenus(FxRobot robot) {
        Bounds canvas = robot.lookup("#canvas")
                .query()
                .localToScreen(robot.lookup("#canvas").query().getBoundsInLocal());
        robot.clickOn(new Point2D(canvas.getMinX() + 150, canvas.getMinY() + 150), MouseButton.SECONDARY);
        robot.clickOn("#menu-add-here");
        robot.write("demo webhook").type(KeyCode.ENTER);
        assertThat(designer.vm.flow().nodes()).extracting(Node::type).containsExactly("demo.webhook");

        robot.clickOn("#node-demo-webhook", MouseButton.SECONDARY);
        robot.clickOn("#menu-add-after");
        robot.write("demo.filter").type(KeyCode.ENTER);
        assertThat(designer.vm.flow().wires()).containsExactly(Wire.of("demo-webhook", "demo-filter"));
        assertThat(robot.lookup("#connector-picker").query().isVisible()).isFalse();

        robot.clickOn("#node-demo-filter", MouseButton.SECONDARY);
        robot.clickOn("#menu-disconnect");
        assertThat(designer.vm.flow().wires()).isEmpty();

        robot.clickOn("#add-demo-webhook-out");
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#connector-picker").query().isVisible()).isFalse();
        assertThat(designer.vm.flow().nodes()).hasSize(2);

        robot.clickOn("#node-demo-filter", MouseButton.SECONDARY);
        robot.clickOn("#menu-delete");
        assertThat(designer.vm.flow().nodes()).extracting(Node::id).containsExactly("demo-webhook");
    }
}
