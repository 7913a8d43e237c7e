package dev.switchboard.designer.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.designer.model.FlowExporter;
import dev.switchboard.designer.testkit.DesignerWindow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.validate.FlowValidator;
import dev.switchboard.runtime.validate.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class GalleryAndExportTest {
    static final String SAMPLE = """
            {
              "format": "switchboard/flow@1",
              "id": "lead-alert",
              "name": "Lead alert",
              "description": "Posts hot leads to the CRM",
              "tags": ["crm", "webhook"],
              "nodes": [
                {
                  "id": "hook",
                  "type": "demo.webhook",
                  "name": "Lead webhook",
                  "config": {
                    "path": "/hooks/leads",
                    "secret": "{{secret:LEADS_HOOK}}",
                    "method": "POST"
                  },
                  "ui": {
                    "x": 60,
                    "y": 60
                  }
                },
                {
                  "id": "post",
                  "type": "demo.http",
                  "config": {
                    "url": "http://127.0.0.1:9/crm",
                    "method": "POST",
                    "token": "{{secret:CRM_TOKEN}}"
                  },
                  "ui": {
                    "x": 340,
                    "y": 60
                  }
                }
              ],
              "wires": [
                {
                  "from": "hook",
                  "to": "post"
                }
              ]
            }
            """;

    @TempDir
    static Path temp;

    private DesignerWindow designer;

    @Start
    void start(Stage stage) throws Exception {
        Path samples = temp.resolve("samples");
        Files.createDirectories(samples.resolve("crm"));
        Files.writeString(samples.resolve("crm/lead-alert.flow.json"), SAMPLE);
        designer = new DesignerWindow(stage, samples);
    }

    @Test
    void importingATemplateShowsItsNodesAndExportWritesARunnableFolder(FxRobot robot) throws Exception {
        robot.clickOn("#tool-template");
        robot.doubleClickOn("#template-lead-alert");

        assertThat(robot.lookup("#node-hook").tryQuery()).isPresent();
        assertThat(robot.lookup("#node-post").tryQuery()).isPresent();
        assertThat(robot.lookup("#wire-hook-out-post").tryQuery()).isPresent();
        assertThat(designer.vm.files().fileProperty().get())
                .as("an untitled copy")
                .isNull();
        assertThat(designer.vm.flow().nodes()).extracting(Node::id).containsExactly("hook", "post");

        Path out = temp.resolve("export");
        designer.dialogs.exportAnswer = out;
        robot.clickOn("#tool-export");

        List<Path> flows;
        try (Stream<Path> files = Files.list(out)) {
            flows = files.filter(p -> p.toString().endsWith(".flow.json")).toList();
        }
        assertThat(flows).extracting(p -> p.getFileName().toString()).containsExactly("lead-alert.flow.json");
        FlowValidator validator = new FlowValidator(ConnectorCatalog.load());
        for (Path flow : flows) {
            assertThat(validator.validate(Files.readString(flow)).problems()).noneMatch(Problem::isError);
        }
        assertThat(dev.switchboard.runtime.format.FlowCodec.read(Files.readString(flows.get(0))))
                .isEqualTo(dev.switchboard.runtime.format.FlowCodec.read(SAMPLE));
        java.io.StringWriter report = new java.io.StringWriter();
        picocli.CommandLine cli = dev.switchboard.runtime.cli.SwitchboardCli.commandLine()
                .setOut(new java.io.PrintWriter(report))
                .setErr(new java.io.PrintWriter(report));
        assertThat(cli.execute("validate", out.toString()))
                .as("switchboard validate says: %s", report)
                .isZero();
        assertThat(Files.readAllLines(out.resolve(FlowExporter.SECRETS_EXAMPLE)))
                .contains("LEADS_HOOK=", "CRM_TOKEN=");
        assertThat(Files.readString(out.resolve(FlowExporter.README))).contains("./switchboard run");
    }
}
