package dev.switchboard.designer.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.designer.testkit.DesignerWindow;
import dev.switchboard.designer.testkit.Fx;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ConnectorHelpInInspectorTest {
    @TempDir
    static Path temp;

    private DesignerWindow designer;

    @Start
    void start(Stage stage) {
        designer = new DesignerWindow(stage, temp.resolve("no-samples"));
    }

    @Test
    void selectedNodeShowsItsConnectorHelpRenderedBelowTheForm(FxRobot robot) {
        robot.interact(() -> designer.vm.addNodeAtFreeSpot("demo.webhook"));
        robot.clickOn("#node-demo-webhook");

        TitledPane help = robot.lookup("#" + InspectorView.HELP_ID).queryAs(TitledPane.class);
        assertThat(help.isExpanded()).isTrue();
        assertThat(texts(robot, ".md-heading")).containsExactly("Receiving requests");
        assertThat(texts(robot, ".md-paragraph").get(0))
                .isEqualTo("Starts the flow when a POST arrives at Path; the body becomes data.");
        assertThat(styled(robot, Styles.MD_STRONG)).containsExactly("POST");
        assertThat(styled(robot, Styles.MD_EMPHASIS)).containsExactly("Path");
        assertThat(styled(robot, Styles.MD_CODE)).containsExactly("data", "202");
        assertThat(styled(robot, Styles.MD_LINK)).containsExactly("the guide");
        assertThat(robot.lookup("." + Styles.MD_LIST_ITEM).queryAll()).hasSize(2);

        ScrollPane code = robot.lookup("." + Styles.MD_CODE_BLOCK).queryAs(ScrollPane.class);
        assertThat(((Text) code.getContent()).getText())
                .isEqualTo("{ \"path\": \"/hooks/leads\", \"method\": \"POST\" }");
        assertThat(code.getContent().getStyleClass()).contains(Styles.MD_CODE_TEXT);
        assertThat(Fx.call(() -> code.getViewportBounds().getHeight()))
                .as("the whole code block shows, without a vertical scroll bar")
                .isGreaterThanOrEqualTo(
                        Fx.call(() -> code.getContent().getLayoutBounds().getHeight()));

        Bounds lastField = sceneBounds(robot.lookup("#field-method").query());
        assertThat(sceneBounds(help).getMinY()).as("help sits below the form").isGreaterThan(lastField.getMaxY());
    }

    @Test
    void collapsedHelpStaysCollapsedForTheNextNode(FxRobot robot) {
        robot.interact(() -> {
            designer.vm.addNodeAtFreeSpot("demo.webhook");
            designer.vm.addNodeAtFreeSpot("demo.filter");
        });
        robot.clickOn("#node-demo-webhook");
        robot.clickOn("#" + InspectorView.HELP_ID + " > .title");
        assertThat(designer.vm.inspector().helpExpandedProperty().get()).isFalse();

        robot.clickOn("#node-demo-filter");
        assertThat(robot.lookup("#" + InspectorView.HELP_ID).tryQuery())
                .as("demo.filter has no help")
                .isEmpty();

        robot.clickOn("#node-demo-webhook");
        assertThat(robot.lookup("#" + InspectorView.HELP_ID)
                        .queryAs(TitledPane.class)
                        .isExpanded())
                .isFalse();
    }

    /** The text of each text flow with the style class, in order. */
    private static List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(TextFlow.class).stream()
                .map(flow -> flow.getChildren().stream()
                        .map(n -> ((Text) n).getText())
                        .collect(Collectors.joining()))
                .toList();
    }

    /** The inline texts in the help with the style class, in order. */
    private static List<String> styled(FxRobot robot, String styleClass) {
        return robot.lookup("." + Styles.MARKDOWN).queryAll().stream().findFirst().stream()
                .flatMap(root -> root.lookupAll("." + styleClass).stream())
                .map(n -> ((Text) n).getText())
                .toList();
    }

    private static Bounds sceneBounds(Node node) {
        return Fx.call(() -> node.localToScene(node.getBoundsInLocal()));
    }
}
