package dev.switchboard.designer.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.designer.testkit.DesignerWindow;
import dev.switchboard.designer.testkit.Fx;
import dev.switchboard.designer.viewmodel.RunViewModel;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The reference flow a new user builds first — webhook → filter (amount > 100) → HTTP POST —
 * made from an empty canvas with quick add at 1366×800, counting every click, key press and
 * typed field, then run in the designer with a real event reaching a loopback sink.
 */
@ExtendWith(ApplicationExtension.class)
class QuickAddReferenceFlowTest {
    static final int ACTION_BUDGET = 20;
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private DesignerWindow designer;
    private HttpServer sink;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int actions;

    @Start
    void start(Stage stage) {
        designer = DesignerWindow.runnable(stage, temp.resolve("samples"), temp.resolve("data"));
        // what a new user sees: the window at 1366×800 and the whole palette, unfiltered
        stage.setWidth(1366);
        stage.setHeight(800);
        designer.vm.palette().searchProperty().set("");
    }

    @BeforeEach
    void startSink() throws Exception {
        sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/orders", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(exchange.getRequestMethod() + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        sink.start();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> designer.vm.run().shutdown());
        sink.stop(0);
    }

    @Test
    void theReferenceFlowTakesAtMostTwentyActionsAndItsEventsReachTheSink(FxRobot robot) throws Exception {
        String sinkUrl = "http://127.0.0.1:" + sink.getAddress().getPort() + "/orders";

        click(robot, "#palette-search");
        type(robot, "webhook");
        key(robot, KeyCode.ENTER);

        click(robot, "#add-webhook-out");
        type(robot, "filter");
        key(robot, KeyCode.ENTER);

        click(robot, "#field-rules-add");
        click(robot, "#field-rules-0-field");
        type(robot, "data.amount");
        click(robot, "#field-rules-0-op");
        click(robot, "greater than");
        click(robot, "#field-rules-0-value");
        type(robot, "100");

        click(robot, "#add-filter-matched");
        type(robot, "http");
        key(robot, KeyCode.ENTER);

        click(robot, "#field-url");
        type(robot, sinkUrl);

        assertThat(designer.vm.flow().nodes())
                .extracting(Node::id)
                .containsExactly("webhook", "filter", "http-request");
        assertThat(designer.vm.flow().wires())
                .containsExactly(Wire.of("webhook", "filter"), Wire.of("filter", "matched", "http-request"));
        assertThat(designer.vm
                        .flow()
                        .node("filter")
                        .orElseThrow()
                        .config()
                        .values()
                        .get("rules"))
                .isEqualTo(new ConfigValue.Items(List.of(ConfigValue.object(
                        "op", "gt", "field", "data.amount", "value", new java.math.BigDecimal("100")))));
        assertThat(designer.vm
                        .flow()
                        .node("webhook")
                        .orElseThrow()
                        .config()
                        .values()
                        .get("path"))
                .as("the webhook's path comes from the flow's id, nothing to type")
                .isEqualTo(ConfigValue.of("/hooks/untitled"));

        click(robot, "#tool-run");
        assertThat(actions).as("UI actions to build and run the reference flow").isLessThanOrEqualTo(ACTION_BUDGET);

        await().atMost(WAIT).until(() -> designer.vm.run().stateProperty().get() == RunViewModel.State.RUNNING);
        await().atMost(WAIT).until(() -> robot.lookup("#url-webhook").tryQuery().isPresent());
        String url =
                Fx.call(() -> robot.lookup("#url-webhook").queryAs(Label.class).getText());
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/hooks/untitled");

        assertThat(post(url, "{\"amount\": 5}").statusCode()).isEqualTo(202);
        assertThat(post(url, "{\"amount\": 150}").statusCode()).isEqualTo(202);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(received)
                        .singleElement()
                        .satisfies(r -> assertThat(r).startsWith("POST ").contains("150")));
    }

    private void click(FxRobot robot, String query) {
        robot.clickOn(query);
        actions++;
    }

    private void type(FxRobot robot, String text) {
        robot.write(text);
        actions++;
    }

    private void key(FxRobot robot, KeyCode code) {
        robot.type(code);
        actions++;
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
