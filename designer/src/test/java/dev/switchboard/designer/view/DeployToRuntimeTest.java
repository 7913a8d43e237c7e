package dev.switchboard.designer.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.designer.model.DeployTargets;
import dev.switchboard.designer.testkit.DesignerWindow;
import dev.switchboard.runtime.admin.AdminApi;
import dev.switchboard.runtime.admin.AdminServer;
import dev.switchboard.runtime.admin.AdminToken;
import dev.switchboard.runtime.admin.FlowCounters;
import dev.switchboard.runtime.admin.FlowDeployments;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * File ▸ Deploy to runtime… against a real runtime with its admin API, started in the test: the
 * open flow is deployed and takes events; a flow the runtime refuses shows its problems in the
 * dialog; the address and token are remembered for the flow's folder, outside the flow file.
 */
@ExtendWith(ApplicationExtension.class)
class DeployToRuntimeTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    static DurableRuntime runtime;
    static AdminServer admin;
    static AdminToken token;
    static FlowDeployments deployments;

    private DesignerWindow designer;

    @BeforeAll
    static void startRuntime() throws Exception {
        Path data = temp.resolve("runtime-data");
        runtime = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, data, Duration.ofSeconds(5)),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of()),
                null,
                HistoryOptions.defaults());
        token = AdminToken.resolve("designer-test-token", data);
        deployments = new FlowDeployments(runtime.engine(), data.resolve(FlowDeployments.FOLDER));
        admin = new AdminServer(
                        "127.0.0.1",
                        0,
                        new AdminApi(deployments, runtime, new FlowCounters()),
                        token,
                        List.of(),
                        AdminServer.DEFAULT_MAX_BODY_BYTES)
                .start();
    }

    @AfterAll
    static void stopRuntime() {
        admin.close();
        runtime.close();
    }

    @Start
    void start(Stage stage) {
        designer = DesignerWindow.runnable(stage, temp.resolve("no-samples"), temp.resolve("designer-data"));
    }

    private static String flow(String id, String path) {
        return """
                {"format": "switchboard/flow@1", "id": "%s", "nodes": [
                  {"id": "hook", "type": "webhook", "config": {"path": "%s"}},
                  {"id": "say", "type": "log", "config": {"message": "got {{data.n}}"}}
                ], "wires": [{"from": "hook", "to": "say"}]}
                """.formatted(id, path);
    }

    private void openFlow(FxRobot robot, Path file) {
        robot.interact(() -> {
            try {
                designer.vm.files().open(file);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private static void openDeployDialog(FxRobot robot) {
        robot.clickOn("#menu-file");
        robot.clickOn("Deploy to runtime…");
    }

    private static String outcome(FxRobot robot) {
        return robot.lookup("#" + DeployDialog.OUTCOME_ID).queryAs(Label.class).getText();
    }

    @Test
    void theOpenFlowIsDeployedAndTheTargetIsRememberedOutsideTheFlow(FxRobot robot) throws Exception {
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Path file = workspace.resolve("ping.flow.json");
        Files.writeString(file, flow("ping", "/hooks/ping"));
        openFlow(robot, file);

        openDeployDialog(robot);
        robot.doubleClickOn("#" + DeployDialog.URL_ID)
                .press(KeyCode.CONTROL)
                .press(KeyCode.A)
                .release(KeyCode.A)
                .release(KeyCode.CONTROL)
                .write(admin.baseUrl());
        robot.clickOn("#" + DeployDialog.TOKEN_ID).write(token.value());
        robot.clickOn("#" + DeployDialog.DEPLOY_ID);

        await().atMost(WAIT).until(() -> outcome(robot).startsWith("'ping' deployed to " + admin.baseUrl()));
        assertThat(deployments.find("ping")).isPresent();
        HttpResponse<String> event = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(runtime.engine().httpBaseUrl() + "/hooks/ping"))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"n\": 1}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(event.statusCode()).isEqualTo(202);

        robot.clickOn("Close");
        openDeployDialog(robot);
        assertThat(robot.lookup("#" + DeployDialog.URL_ID)
                        .queryAs(TextField.class)
                        .getText())
                .as("remembered for this folder")
                .isEqualTo(admin.baseUrl());
        assertThat(robot.lookup("#" + DeployDialog.TOKEN_ID)
                        .queryAs(TextField.class)
                        .getText())
                .isEqualTo(token.value());
        robot.clickOn("#" + DeployDialog.DEPLOY_ID);
        await().atMost(WAIT).until(() -> outcome(robot).startsWith("'ping' replaced on "));
        robot.clickOn("Close");

        assertThat(Files.readString(file)).doesNotContain(token.value());
        assertThat(new DeployTargets(temp.resolve("designer-data")).forWorkspace(workspace))
                .hasValue(new DeployTargets.Target(admin.baseUrl(), token.value()));
    }

    @Test
    void aFlowTheRuntimeRefusesShowsEveryProblemWithItsPointer(FxRobot robot) throws Exception {
        Files.writeString(temp.resolve("taken.flow.json"), flow("taken", "/hooks/shared"));
        assertThat(deployments.deploy("taken", flow("taken", "/hooks/shared")).deployed())
                .isTrue();
        Path workspace = Files.createDirectories(temp.resolve("other-workspace"));
        Path file = workspace.resolve("late.flow.json");
        Files.writeString(file, flow("late", "/hooks/shared"));
        openFlow(robot, file);

        openDeployDialog(robot);
        robot.doubleClickOn("#" + DeployDialog.URL_ID)
                .press(KeyCode.CONTROL)
                .press(KeyCode.A)
                .release(KeyCode.A)
                .release(KeyCode.CONTROL)
                .write(admin.baseUrl());
        robot.clickOn("#" + DeployDialog.TOKEN_ID).write(token.value());
        robot.clickOn("#" + DeployDialog.DEPLOY_ID);

        await().atMost(WAIT).until(() -> outcome(robot).startsWith("Not deployed: "));
        @SuppressWarnings("unchecked")
        ListView<String> problems = robot.lookup("#" + DeployDialog.PROBLEMS_ID).queryAs(ListView.class);
        assertThat(problems.getItems())
                .anySatisfy(line ->
                        assertThat(line).startsWith("/nodes/0/config/path: ").contains("taken"));
        assertThat(problems.isVisible()).isTrue();
        assertThat(deployments.find("late")).isEmpty();
        assertThat(new DeployTargets(temp.resolve("designer-data")).forWorkspace(workspace))
                .as("a refused deploy is not remembered")
                .isEmpty();
        robot.clickOn("Close");
    }
}
