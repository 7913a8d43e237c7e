package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.capture;
import static dev.switchboard.runtime.e2e.Flows.chain;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.model.Flow;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine refuses a flow whose webhook address another running flow serves, naming both flows. */
class WebhookPathClashTest {
    @TempDir
    Path data;

    Engine engine;

    @BeforeEach
    void start() {
        engine = Flows.engine(data);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private static Flow hook(String flowId, String path, String method) {
        return chain(
                flowId, node("hook", "webhook", "path", path, "method", method), capture("out", "clash-" + flowId));
    }

    @Test
    void secondFlowOnTheSamePathAndMethodIsRefusedNamingBothFlows() throws Exception {
        engine.deploy(hook("orders", "/hooks/shared", "POST"));

        assertThatThrownBy(() -> engine.deploy(hook("refunds", "/hooks/shared", "POST")))
                .isInstanceOf(FlowCompileException.class)
                .hasMessage(
                        "Flow 'refunds' could not start: its node 'hook' would serve POST /hooks/shared, which flow "
                                + "'orders' (node 'hook') already serves; give one of them another path");

        assertThat(engine.deployedFlowIds()).containsExactly("orders");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(engine.httpBaseUrl() + "/hooks/shared"))
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .header("Content-Type", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void anotherMethodOnTheSamePathAndANewVersionOfTheSameFlowAreAccepted() throws Exception {
        engine.deploy(hook("orders", "/hooks/shared", "POST"));

        engine.deploy(hook("updates", "/hooks/shared", "PUT"));
        engine.deploy(hook("orders", "/hooks/shared", "POST"));

        assertThat(engine.deployedFlowIds()).containsExactlyInAnyOrder("orders", "updates");
    }
}
