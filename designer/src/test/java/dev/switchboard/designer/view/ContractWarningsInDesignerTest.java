package dev.switchboard.designer.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.designer.testkit.DesignerWindow;
import dev.switchboard.designer.testkit.Fx;
import dev.switchboard.designer.viewmodel.RunViewModel;
import dev.switchboard.runtime.live.LiveMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeView;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A flow whose webhook and log node are bound to {@code orders@1} with enforcement {@code warn},
 * run from the designer: an order that breaks the contract, posted over real HTTP, goes on, and
 * each node's card shows an amber count with the violations and their JSON pointers; the message
 * inspector shows the warning text. A valid order adds no warning.
 */
@ExtendWith(ApplicationExtension.class)
class ContractWarningsInDesignerTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String FLOW = """
            {
              "format": "switchboard/flow@1",
              "id": "warned-orders",
              "nodes": [
                {"id": "hook", "type": "webhook", "config": {"path": "/hooks/warned-orders"},
                 "contract": {"subject": "orders@1", "enforcement": "warn"}, "ui": {"x": 60, "y": 100}},
                {"id": "audit", "type": "log", "config": {},
                 "contract": {"subject": "orders@1", "enforcement": "warn"}, "ui": {"x": 400, "y": 100}}
              ],
              "wires": [{"from": "hook", "to": "audit"}]
            }
            """;

    @TempDir
    static Path temp;

    private DesignerWindow designer;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Start
    void start(Stage stage) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("flows"));
        Path schemas = Files.createDirectories(folder.resolve("schemas/orders"));
        Path samples = Path.of("..", "samples", "schemas", "orders");
        Files.copy(samples.resolve("1.schema.json"), schemas.resolve("1.schema.json"));
        Files.copy(samples.resolve("subject.json"), schemas.resolve("subject.json"));
        Path flow = Files.writeString(folder.resolve("warned-orders.flow.json"), FLOW);
        designer = DesignerWindow.runnable(stage, temp.resolve("samples"), temp.resolve("data"));
        designer.vm.files().open(flow);
    }

    @AfterEach
    void stopRunning(FxRobot robot) {
        robot.interact(() -> designer.vm.run().shutdown());
    }

    @Test
    void aWarnedViolationGoesOnAndShowsOnTheNodesWithItsPointersAndInTheInspector(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#wire-contract-hook-out-audit")
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("orders@1");
        robot.clickOn("#tool-run");
        await().atMost(WAIT).until(() -> designer.vm.run().stateProperty().get() == RunViewModel.State.RUNNING);
        await().atMost(WAIT).until(() -> robot.lookup("#url-hook").tryQuery().isPresent());
        String url = text(robot, "#url-hook");
        assertThat(robot.lookup("#warnings-audit").queryAs(Label.class).isVisible())
                .as("no warning before any event")
                .isFalse();

        HttpResponse<String> accepted = post(url, "{\"id\": \"o-2\", \"total\": \"12\"}");
        assertThat(accepted.statusCode()).as("warn lets the event in").isEqualTo(202);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(text(robot, "#live-audit")).isEqualTo("in 1 · out 1"));
        for (String node : new String[] {"hook", "audit"}) {
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(Fx.call(() -> {
                                Label badge = robot.lookup("#warnings-" + node).queryAs(Label.class);
                                return badge.isVisible() ? badge.getText() : "hidden";
                            }))
                            .isEqualTo("1"));
            Label badge = robot.lookup("#warnings-" + node).queryAs(Label.class);
            assertThat(Fx.call(() -> badge.getTooltip().getText()))
                    .startsWith("1 event broke the data contract and went on (enforcement warn)")
                    .contains(
                            "\nbreaks the contract orders@1:\n",
                            "\n    /total: string found, number expected",
                            "customer",
                            "currency");
            assertThat(Fx.call(() -> isAmber(badge)))
                    .as("amber, not the errors' red")
                    .isTrue();
        }
        assertThat(text(robot, "#live-audit")).as("a warning is no error").doesNotContain("errors");

        ListView<LiveMessage> messages = robot.lookup("#messages").queryListView();
        LiveMessage atAudit = Fx.call(() -> messages.getItems().stream()
                .filter(m -> m.nodeId().equals("audit"))
                .findFirst()
                .orElseThrow());
        assertThat(atAudit.warning()).contains("/total: ");
        robot.interact(() -> messages.getSelectionModel().select(atAudit));
        TreeView<String> detail = robot.lookup("#message-detail").queryAs(TreeView.class);
        assertThat(Fx.call(() -> RunInDesignerTest.lines(detail.getRoot())))
                .containsSubsequence("warning: breaks the contract orders@1", "/total: string found, number expected");

        HttpResponse<String> valid = post(url, """
                {"id": "o-3", "customer": {"email": "a@example.org"}, "total": 12.5, "currency": "EUR"}""");
        assertThat(valid.statusCode()).isEqualTo(202);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(text(robot, "#live-audit")).isEqualTo("in 2 · out 2"));
        assertThat(text(robot, "#warnings-audit"))
                .as("a valid order adds no warning")
                .isEqualTo("1");
    }

    /** The badge's fill is an orange-yellow, whichever theme shade. */
    private static boolean isAmber(Label badge) {
        if (badge.getBackground() == null
                || !(badge.getBackground().getFills().get(0).getFill() instanceof Color fill)) {
            return false;
        }
        return fill.getHue() >= 20 && fill.getHue() <= 60 && fill.getSaturation() > 0.5;
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String text(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).queryAs(Label.class).getText());
    }
}
