package dev.switchboard.designer.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.designer.testkit.DesignerWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File ▸ Export ▸ Camel YAML… and File ▸ Import ▸ Node-RED flow…, through the menus, on real files. */
@ExtendWith(ApplicationExtension.class)
class InterchangeInDesignerTest {
    @TempDir
    static Path temp;

    private DesignerWindow designer;

    @Start
    void start(Stage stage) throws Exception {
        Path file = temp.resolve("hot-leads.flow.json");
        Files.writeString(file, TraceInDesignerTest.FLOW);
        designer = new DesignerWindow(stage, temp.resolve("samples"));
        designer.vm.files().open(file);
    }

    @Test
    void exportingAsCamelYamlWritesTheRoutesAndShowsTheReport(FxRobot robot) throws Exception {
        Path target = temp.resolve("hot-leads.camel.yaml");
        designer.dialogs.camelYamlAnswer = target;

        robot.clickOn("#menu-file").clickOn("#menu-export").clickOn("Camel YAML…");

        String yaml = Files.readString(target);
        assertThat(yaml).contains("- route:", "platform-http:/hooks/leads");
        assertThat(designer.dialogs.reports)
                .singleElement()
                .satisfies(report -> assertThat(report).startsWith("Exported hot-leads.camel.yaml"));
        assertThat(designer.dialogs.errors).isEmpty();
    }

    @Test
    void importingANodeRedFileOpensTheChosenFlowUnsavedWithPlaceholdersDrawnDisabled(FxRobot robot) throws Exception {
        Path source = temp.resolve("flows.json");
        Files.copy(Path.of("../runtime/src/test/resources/nodered/shop-flows.json"), source);
        designer.dialogs.nodeRedAnswer = source;
        designer.dialogs.importedFlowAnswer = "Orders API";

        robot.clickOn("#menu-file").clickOn("#menu-import").clickOn("Node-RED flow…");

        assertThat(designer.dialogs.importedFlowQuestions)
                .as("one flow per tab to choose from")
                .hasSize(3)
                .anySatisfy(label -> assertThat(label).startsWith("Telemetry"));
        assertThat(designer.vm.flow().id()).isEqualTo("orders-api");
        assertThat(designer.vm.files().fileProperty().get())
                .as("not saved anywhere yet")
                .isNull();
        assertThat(designer.vm.isDirty()).isTrue();
        assertThat(designer.dialogs.reports)
                .singleElement()
                .satisfies(report -> assertThat(report)
                        .startsWith("Imported flows.json")
                        .contains("Not converted, kept as disabled placeholders:")
                        .contains("placeholder: function \"Enrich\" (8293a4b5c6d7e8f9)"));
        NodeView enrich = robot.lookup("#node-enrich").queryAs(NodeView.class);
        assertThat(enrich.getStyleClass()).contains(Styles.NODE_DISABLED);
        assertThat(robot.lookup(".flow-node.node-disabled").queryAll())
                .as("only the disabled nodes are drawn disabled")
                .hasSize((int) designer.vm.flow().nodes().stream()
                        .filter(n -> n.disabled())
                        .count());
    }

    @Test
    void aFileThatIsNoNodeRedExportIsRefusedWithTheReason(FxRobot robot) throws Exception {
        Path source = temp.resolve("not-node-red.json");
        Files.writeString(source, "{\"flows\": 1}");
        designer.dialogs.nodeRedAnswer = source;

        robot.clickOn("#menu-file").clickOn("#menu-import").clickOn("Node-RED flow…");

        assertThat(designer.dialogs.errors)
                .singleElement()
                .satisfies(e -> assertThat(e).startsWith("Cannot import not-node-red.json: "));
        assertThat(designer.vm.flow().id()).isEqualTo("hot-leads");
    }
}
