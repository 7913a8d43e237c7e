package dev.switchboard.designer.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.designer.testkit.BigFlow;
import dev.switchboard.designer.testkit.DesignerWindow;
import dev.switchboard.designer.testkit.Fx;
import dev.switchboard.runtime.model.Wire;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A big flow on the canvas: opened in the background, zoomed to fit as boxes, only the cards on
 * screen drawn (and built), the minimap moving the view, a dragged card taking its wires along.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasAtScaleTest {
    private static final int NODES = 200;

    @TempDir
    Path temp;

    private DesignerWindow designer;
    private CanvasView canvas;

    @Start
    void start(Stage stage) {
        designer = new DesignerWindow(stage, Path.of("no-samples"));
        canvas = designer.window.canvas();
    }

    @BeforeEach
    void openBigFlow(FxRobot robot) throws Exception {
        Path file = BigFlow.write(temp.resolve("big.flow.json"), NODES);
        robot.interact(() -> designer.window.openOnStart(file));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Fx.call(() -> canvas.nodeViews().size() == NODES));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensInTheBackgroundAndFitsAllCardsAsBoxes(FxRobot robot) {
        assertThat(robot.lookup("#status").queryAs(Label.class).getText())
                .isEqualTo("Opened big.flow.json (200 nodes)");
        assertThat(robot.lookup("#canvas-loading").query().isVisible()).isFalse();
        assertThat(designer.vm.problems().items()).noneMatch(p -> p.isError());
        double scale = Fx.call(() -> canvas.viewportProperty().get().scale());
        assertThat(scale).isLessThan(CanvasCulling.DETAIL_SCALE);
        assertThat(Fx.call(() -> canvas.nodeViews().values().stream().allMatch(NodeView::isVisible)))
                .as("zoomed to fit, every card is on screen")
                .isTrue();
        assertThat(Fx.call(() -> canvas.nodeViews().values().stream().noneMatch(NodeView::isDetailed)))
                .as("zoomed far out, cards are boxes without text")
                .isTrue();
        assertThat(Fx.call(() -> canvas.minimap().isVisible()))
                .as("the whole flow is on screen: no minimap over it")
                .isFalse();
    }

    @Test
    void atFullSizeOnlyTheCardsOnScreenAreDrawnAndBuilt(FxRobot robot) {
        robot.interact(canvas::resetZoom);
        NodeView first = canvas.nodeViews().get("n0");
        NodeView last = canvas.nodeViews().get("n" + (NODES - 1));
        assertThat(first.isVisible()).isTrue();
        assertThat(first.isDetailed()).isTrue();
        assertThat(robot.lookup("#port-n0-out").tryQuery()).isPresent();
        assertThat(last.isVisible()).isFalse();
        assertThat(last.isBuilt()).as("a card never on screen is never built").isFalse();
        WireView farWire = canvas.wireViews().entrySet().stream()
                .filter(e -> e.getKey().to().equals("n" + (NODES - 1)))
                .findFirst()
                .orElseThrow()
                .getValue();
        assertThat(farWire.isVisible()).isFalse();
        long built =
                canvas.nodeViews().values().stream().filter(NodeView::isBuilt).count();
        assertThat(built).isLessThan(NODES / 2);
    }

    @Test
    void clickingTheMinimapMovesTheViewThere(FxRobot robot) {
        robot.interact(canvas::resetZoom);
        Minimap minimap = canvas.minimap();
        assertThat(minimap.isVisible()).isTrue();
        NodeView last = canvas.nodeViews().get("n" + (NODES - 1));
        Point2D target = Fx.call(() ->
                minimap.toMinimap(last.getLayoutX() + last.getWidth() / 2, last.getLayoutY() + last.getHeight() / 2));
        robot.clickOn(minimap.localToScreen(target));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(last.isVisible()).isTrue();
        assertThat(last.isDetailed()).isTrue();
        assertThat(canvas.nodeViews().get("n0").isVisible()).isFalse();
    }

    @Test
    void zoomGoesDownToFivePercent(FxRobot robot) {
        for (int i = 0; i < 30; i++) {
            robot.interact(() -> canvas.zoom(1 / 1.2));
        }
        assertThat(canvas.viewportProperty().get().scale()).isEqualTo(0.05);
    }

    @Test
    void aDraggedCardTakesItsWiresAlong(FxRobot robot) {
        robot.interact(canvas::resetZoom);
        NodeView card = canvas.nodeViews().get("n21");
        double before = card.getLayoutX();
        robot.drag("#node-n21").moveBy(120, 80).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(designer.vm.flow().node("n21").orElseThrow().ui().x()).isGreaterThan(before + 60);
        WireView in = canvas.wireViews().get(Wire.of("n20", "n21"));
        Point2D anchor = card.inputAnchor();
        assertThat(in.endX()).isEqualTo(anchor.getX());
        assertThat(in.endY()).isEqualTo(anchor.getY());
    }

    @Test
    void aFileThatIsNotAFlowSaysWhyAndLeavesTheCanvasAlone(FxRobot robot) throws Exception {
        Path broken = Files.writeString(temp.resolve("broken.flow.json"), "{ not json");
        robot.interact(() -> designer.window.openOnStart(broken));
        await().atMost(Duration.ofSeconds(30)).until(() -> !designer.dialogs.errors.isEmpty());
        assertThat(designer.dialogs.errors.get(0)).contains("Cannot open broken.flow.json");
        assertThat(designer.vm.flow().nodes()).hasSize(NODES);
        assertThat(robot.lookup("#canvas-loading").query().isVisible()).isFalse();
    }
}
