package dev.switchboard.designer.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.designer.model.Viewport;
import dev.switchboard.designer.testkit.DesignerWindow;
import dev.switchboard.designer.testkit.Fx;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The sample flow under contract: a wire whose events are checked against a data contract names
 * it — the trigger's contract on the wires out of it, a node's on the wires into it — keeps the
 * label on the wire and clear of the cards as they move, hides it zoomed far out, and follows
 * contract edits through undo and redo.
 */
@ExtendWith(ApplicationExtension.class)
class ContractOnWireTest {
    private static final Path SAMPLE = Path.of("..", "samples", "orders-under-contract.flow.json");
    private static final String FROM_HOOK = "#wire-contract-hook-out-summarise";
    private static final String TO_ARCHIVE = "#wire-contract-summarise-out-archive";

    @TempDir
    static Path temp;

    private DesignerWindow designer;

    @Start
    void start(Stage stage) {
        designer = new DesignerWindow(stage, temp.resolve("no-samples"));
    }

    private void open(FxRobot robot) {
        Fx.call(() -> {
            designer.vm.files().open(SAMPLE);
            return null;
        });
        robot.interact(() -> designer.window.canvas().viewportProperty().set(Viewport.IDENTITY));
    }

    @Test
    void wiresNameTheContractTheirEventsAreCheckedAgainstWithItsDetailsInTheTooltip(FxRobot robot) {
        open(robot);

        Label fromHook = label(robot, FROM_HOOK);
        assertThat(fromHook.isVisible()).isTrue();
        assertThat(fromHook.getText())
                .as("the webhook's contract: what it produces")
                .isEqualTo("orders@1");
        assertThat(fromHook.getTooltip().getText())
                .contains(
                        "Subject: orders",
                        "Version: 1",
                        "Enforcement: reject",
                        "Checked as trigger 'hook' produces its events");
        Label toArchive = label(robot, TO_ARCHIVE);
        assertThat(toArchive.getText())
                .as("the file writer's contract: what enters it")
                .isEqualTo("orders.summary");
        assertThat(toArchive.getTooltip().getText())
                .contains("Version: latest (when deployed)", "Enforcement: warn", "Checked as events enter 'archive'");

        // the sample's cards stand 40 px apart: too close for a label between them, so it sits above them
        for (String wire : new String[] {"hook-out-summarise", "summarise-out-archive"}) {
            assertThat(Fx.call(() -> clearOfItsCards(wire)))
                    .as("label of %s drawn clear of both cards", wire)
                    .isTrue();
        }
        assertThat(Fx.call(() -> fromHook.getWidth() >= fromHook.prefWidth(-1)))
                .as("the label is not cut short")
                .isTrue();
    }

    @Test
    void theLabelFollowsTheWireWhenACardMovesAndHidesZoomedFarOut(FxRobot robot) {
        open(robot);
        Bounds before = Fx.call(() -> label(robot, TO_ARCHIVE).getBoundsInParent());

        robot.drag("#node-archive").moveBy(0, 240).drop();

        WireView wire = robot.lookup("#wire-summarise-out-archive").queryAs(WireView.class);
        Bounds after = Fx.call(() -> label(robot, TO_ARCHIVE).getBoundsInParent());
        Point2D middle = Fx.call(wire::middle);
        assertThat(after.getCenterY()).isGreaterThan(before.getCenterY() + 100);
        assertThat(after.getCenterX())
                .as("with room between the cards, centred on the wire")
                .isCloseTo(middle.getX(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(after.getCenterY()).isCloseTo(middle.getY(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(Fx.call(() -> clearOfItsCards("summarise-out-archive"))).isTrue();

        robot.interact(() -> designer.window.canvas().viewportProperty().set(new Viewport(0.3, 0, 0)));
        assertThat(label(robot, TO_ARCHIVE).isVisible())
                .as("below the detail zoom, text is not drawn")
                .isFalse();
        assertThat(label(robot, FROM_HOOK).isVisible()).isFalse();
        robot.interact(() -> designer.window.canvas().viewportProperty().set(Viewport.IDENTITY));
        assertThat(label(robot, TO_ARCHIVE).isVisible()).isTrue();
    }

    @Test
    void editingAContractInTheInspectorUpdatesTheWireAndUndoRedoFollow(FxRobot robot) {
        open(robot);
        robot.clickOn("#node-archive");
        robot.clickOn("#contract-enforcement").clickOn("dead-letter");
        assertThat(label(robot, TO_ARCHIVE).getTooltip().getText()).contains("Enforcement: dead-letter");

        robot.clickOn("#contract-subject")
                .press(KeyCode.CONTROL)
                .type(KeyCode.A)
                .release(KeyCode.CONTROL)
                .type(KeyCode.BACK_SPACE);
        assertThat(designer.vm.flow().node("archive").orElseThrow().contract()).isNull();
        assertThat(robot.lookup(TO_ARCHIVE).tryQuery())
                .as("no contract, no label")
                .isEmpty();
        assertThat(robot.lookup(FROM_HOOK).tryQuery()).isPresent();

        robot.clickOn("#tool-undo");
        assertThat(label(robot, TO_ARCHIVE).getText()).isEqualTo("orders.summary");
        assertThat(label(robot, TO_ARCHIVE).getTooltip().getText()).contains("Enforcement: dead-letter");
        robot.clickOn("#tool-undo");
        assertThat(label(robot, TO_ARCHIVE).getTooltip().getText()).contains("Enforcement: warn");

        robot.clickOn("#tool-redo").clickOn("#tool-redo");
        assertThat(robot.lookup(TO_ARCHIVE).tryQuery()).isEmpty();
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    /** Whether a wire's label is drawn over neither of the cards it joins (the cards would hide it). */
    private boolean clearOfItsCards(String wireId) {
        CanvasView canvas = designer.window.canvas();
        WireView wire = canvas.wireViews().values().stream()
                .filter(w -> w.getId().equals("wire-" + wireId))
                .findFirst()
                .orElseThrow();
        Bounds label = wire.contractLabel().orElseThrow().getBoundsInParent();
        return !label.intersects(canvas.nodeViews().get(wire.wire().from()).cardBounds())
                && !label.intersects(canvas.nodeViews().get(wire.wire().to()).cardBounds());
    }
}
