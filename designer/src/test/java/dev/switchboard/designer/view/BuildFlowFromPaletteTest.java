package dev.switchboard.designer.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.designer.testkit.DesignerWindow;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.validate.FlowValidator;
import dev.switchboard.runtime.validate.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class BuildFlowFromPaletteTest {
    @TempDir
    static Path temp;

    private DesignerWindow designer;

    @Start
    void start(Stage stage) {
        designer = new DesignerWindow(stage, temp.resolve("no-samples"));
    }

    @Test
    void dragWireFillAndSaveProducesAValidFileWithExactlyThatFlow(FxRobot robot) throws Exception {
        Point2D origin = canvasOrigin(robot);
        robot.drag("#palette-demo-webhook").dropTo(origin.add(120, 120));
        robot.drag("#palette-demo-filter").dropTo(origin.add(420, 120));
        robot.drag("#palette-demo-http").dropTo(origin.add(720, 120));
        assertThat(designer.vm.flow().nodes())
                .extracting(Node::id)
                .containsExactly("demo-webhook", "demo-filter", "demo-http");

        robot.drag("#port-demo-webhook-out").dropTo("#node-demo-filter");
        robot.drag("#port-demo-filter-matched").dropTo("#node-demo-http");
        assertThat(designer.vm.flow().wires())
                .containsExactly(
                        Wire.of("demo-webhook", "demo-filter"), Wire.of("demo-filter", "matched", "demo-http"));

        robot.clickOn("#node-demo-webhook");
        assertThat(robot.lookup("#field-path").queryTextInputControl().getText())
                .as("a new webhook's path is its flow's")
                .isEqualTo("/hooks/untitled");
        robot.clickOn("#field-path").push(javafx.scene.input.KeyCode.SHORTCUT, javafx.scene.input.KeyCode.A);
        robot.write("/hooks/leads");
        robot.clickOn("#field-secret").write("LEADS_HOOK");

        robot.clickOn("#node-demo-filter");
        robot.clickOn("#field-field").write("data.score");
        robot.clickOn("#field-value").write("50");
        robot.clickOn("#field-op");
        robot.clickOn("less than");
        assertThat(robot.lookup("#field-op").queryAs(ComboBox.class).getValue()).isEqualTo("lt");

        robot.clickOn("#node-demo-http");
        robot.clickOn("#field-url").write("http://127.0.0.1:9/leads");
        robot.clickOn("#field-token").write("CRM_TOKEN");

        Path file = temp.resolve("leads.flow.json");
        designer.dialogs.saveAnswer = file;
        robot.clickOn("#tool-save");

        String saved = Files.readString(file);
        Flow flow = FlowCodec.read(saved);
        assertThat(new FlowValidator(ConnectorCatalog.load()).validate(flow)).noneMatch(Problem::isError);
        assertThat(flow.nodes()).extracting(Node::id).containsExactly("demo-webhook", "demo-filter", "demo-http");
        assertThat(flow.wires())
                .containsExactly(
                        Wire.of("demo-webhook", "demo-filter"), Wire.of("demo-filter", "matched", "demo-http"));
        assertThat(flow.node("demo-webhook").orElseThrow().config())
                .isEqualTo(ConfigValue.object(
                        "method", "POST", "path", "/hooks/leads", "secret", "{{secret:LEADS_HOOK}}"));
        assertThat(flow.node("demo-filter").orElseThrow().config())
                .isEqualTo(
                        ConfigValue.object("field", "data.score", "op", "lt", "value", new java.math.BigDecimal("50")));
        assertThat(flow.node("demo-http").orElseThrow().config())
                .isEqualTo(ConfigValue.object(
                        "url", "http://127.0.0.1:9/leads", "method", "POST", "token", "{{secret:CRM_TOKEN}}"));
        assertThat(designer.vm.isDirty()).isFalse();
    }

    private static Point2D canvasOrigin(FxRobot robot) {
        Bounds b = robot.lookup("#canvas")
                .query()
                .localToScreen(robot.lookup("#canvas").query().getBoundsInLocal());
        return new Point2D(b.getMinX(), b.getMinY());
    }
}
