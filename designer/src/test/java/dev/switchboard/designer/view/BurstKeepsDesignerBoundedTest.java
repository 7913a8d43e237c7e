package dev.switchboard.designer.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.designer.testkit.DesignerWindow;
import dev.switchboard.designer.testkit.Fx;
import dev.switchboard.designer.testkit.WebhookBurst;
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
import java.util.Map;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Ten thousand real webhook events into a flow running in the designer: every counter ends
 * exact, the inspector and the runtime's message buffer never hold more than their capacity,
 * and the window still answers (Stop works). How long the UI thread waits meanwhile is measured
 * by {@code scripts/bench-designer}, not here.
 */
@ExtendWith(ApplicationExtension.class)
class BurstKeepsDesignerBoundedTest {
    static final int EVENTS = 10_000;
    static final int CAPACITY = 100;
    static final Duration WAIT = Duration.ofMinutes(3);

    @TempDir
    static Path temp;

    private DesignerWindow designer;

    @Start
    void start(Stage stage) throws Exception {
        designer = DesignerWindow.runnable(stage, temp.resolve("samples"), temp.resolve("data"), CAPACITY);
        designer.vm.files().open(RunInDesignerTest.SAMPLE);
    }

    @AfterEach
    void stopRunning(FxRobot robot) {
        robot.interact(() -> designer.vm.run().shutdown());
    }

    @Test
    void tenThousandEventsEndWithExactCountersAndABoundedInspector(FxRobot robot) throws Exception {
        RunViewModel run = designer.vm.run();
        robot.clickOn("#tool-run");
        await().atMost(WAIT).until(() -> robot.lookup("#url-hook").tryQuery().isPresent());
        String url =
                Fx.call(() -> robot.lookup("#url-hook").queryAs(Label.class).getText());

        List<Integer> peakHeld = new ArrayList<>(); // messages held by the runtime, sampled every 500 posts
        Map<Integer, Long> codes = WebhookBurst.post(URI.create(url), EVENTS, 32, 0, i -> {
            if (i % 500 == 0) {
                peakHeld.add(run.heldMessages());
            }
        });

        assertThat(codes).containsExactly(Map.entry(202, (long) EVENTS));
        String done = "in " + EVENTS + " · out " + EVENTS;
        for (String node : List.of("hook", "greet", "log", "save")) {
            await().atMost(WAIT)
                    .untilAsserted(
                            () -> assertThat(text(robot, "#live-" + node)).isEqualTo(done));
        }
        List<LiveMessage> shown = Fx.call(() -> List.copyOf(run.messages().all()));
        assertThat(shown).hasSizeLessThanOrEqualTo(CAPACITY).isNotEmpty();
        assertThat(shown).extracting(LiveMessage::nodeId).contains("save");
        assertThat(Fx.call(() -> run.messages().missedProperty().get()))
                .as("messages that passed between two ticks")
                .isPositive();
        assertThat(peakHeld)
                .as("messages held by the runtime, sampled during the burst")
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(CAPACITY));
        assertThat(run.heldMessages()).isLessThanOrEqualTo(CAPACITY);
        try (Stream<String> lines = Files.lines(temp.resolve("data/out/hello.jsonl"))) {
            assertThat(lines.count()).isEqualTo(EVENTS);
        }

        robot.clickOn("#tool-stop");
        await().atMost(WAIT).until(() -> run.stateProperty().get() == RunViewModel.State.STOPPED);
        HttpClient http = HttpClient.newHttpClient();
        assertThatThrownBy(() -> http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(ConnectException.class);
    }

    private static String text(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).queryAs(Label.class).getText());
    }
}
