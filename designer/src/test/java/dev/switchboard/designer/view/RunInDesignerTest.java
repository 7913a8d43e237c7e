package dev.switchboard.designer.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.designer.testkit.DesignerWindow;
import dev.switchboard.designer.testkit.Fx;
import dev.switchboard.designer.viewmodel.RunViewModel;
import dev.switchboard.runtime.live.LiveMessage;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Run the hello-webhook sample from the designer and send it a real HTTP request. */
@ExtendWith(ApplicationExtension.class)
class RunInDesignerTest {
    static final Path SAMPLE = Path.of("..", "samples", "hello-webhook.flow.json");
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private DesignerWindow designer;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Start
    void start(Stage stage) throws Exception {
        designer = DesignerWindow.runnable(stage, temp.resolve("samples"), temp.resolve("data"));
        designer.vm.files().open(SAMPLE);
    }

    @AfterEach
    void stopRunning(FxRobot robot) {
        robot.interact(() -> designer.vm.run().shutdown());
    }

    @Test
    void aRealWebhookEventMovesTheCountersReachesTheInspectorAndStopClosesTheEndpoint(FxRobot robot) throws Exception {
        robot.clickOn("#tool-run");
        await().atMost(WAIT).until(() -> designer.vm.run().stateProperty().get() == RunViewModel.State.RUNNING);
        await().atMost(WAIT).until(() -> robot.lookup("#url-hook").tryQuery().isPresent());
        String url = robot.lookup("#url-hook").queryAs(Label.class).getText();
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/hooks/hello");
        assertThat(robot.lookup("#tool-run").queryButton().isDisabled())
                .as("Run stays available to deploy edits")
                .isFalse();
        assertThat(text(robot, "#live-greet")).isEqualTo("in 0 · out 0");

        HttpResponse<String> accepted = post(url, "{\"name\": \"Ada\"}");
        assertThat(accepted.statusCode()).isEqualTo(202);

        for (String node : List.of("hook", "greet", "log", "save")) {
            await().atMost(WAIT)
                    .untilAsserted(
                            () -> assertThat(text(robot, "#live-" + node)).isEqualTo("in 1 · out 1"));
        }
        ListView<LiveMessage> messages = robot.lookup("#messages").queryListView();
        LiveMessage atSave = Fx.call(() -> messages.getItems().stream()
                .filter(m -> m.nodeId().equals("save"))
                .findFirst()
                .orElseThrow());
        assertThat(atSave.output().data().path("greeting").asText()).isEqualTo("Hello, Ada!");
        robot.interact(() -> messages.getSelectionModel().select(atSave));
        TreeView<String> detail = robot.lookup("#message-detail").queryAs(TreeView.class);
        assertThat(Fx.call(() -> lines(detail.getRoot())))
                .contains("greeting: \"Hello, Ada!\"", "source: /switchboard/flows/hello-webhook/hook")
                .anyMatch(l -> l.startsWith("id: " + atSave.eventId()));
        assertThat(Files.readString(temp.resolve("data/out/hello.jsonl"))).contains("Hello, Ada!");

        robot.clickOn("#tool-stop");
        await().atMost(WAIT).until(() -> designer.vm.run().stateProperty().get() == RunViewModel.State.STOPPED);
        assertThatThrownBy(() -> post(url, "{\"name\": \"Bob\"}")).isInstanceOf(ConnectException.class);
        assertThat(robot.lookup("#live-greet").tryQuery())
                .as("no live strip once stopped")
                .hasValueSatisfying(n -> assertThat(n.isVisible()).isFalse());
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

    static List<String> lines(TreeItem<String> item) {
        List<String> all = new ArrayList<>();
        if (item.getValue() != null) {
            all.add(item.getValue());
        }
        item.getChildren().forEach(c -> all.addAll(lines(c)));
        return all;
    }
}
