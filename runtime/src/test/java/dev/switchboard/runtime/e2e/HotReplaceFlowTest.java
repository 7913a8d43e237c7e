package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.capture;
import static dev.switchboard.runtime.e2e.Flows.flow;
import static dev.switchboard.runtime.e2e.Flows.inject;
import static dev.switchboard.runtime.e2e.Flows.node;
import static dev.switchboard.runtime.e2e.Flows.rule;
import static dev.switchboard.runtime.e2e.Flows.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Wire;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotReplaceFlowTest {
    @TempDir
    static Path data;

    static Engine engine;

    @BeforeAll
    static void start() {
        engine = Flows.engine(data);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static Flow churn(int version) {
        return flow(
                "churn",
                List.of(
                        inject("in", "churn"),
                        node(
                                "tag",
                                "map",
                                "mode",
                                "merge",
                                "fields",
                                ConfigValue.object("version", Integer.toString(version))),
                        capture("out", "churn-v" + version)),
                List.of(Wire.of("in", "tag"), Wire.of("tag", "out")));
    }

    @Test
    void replacingOneFlowNeverLosesOrDuplicatesAnotherFlowsEvents() throws Exception {
        engine.deploy(flow(
                "steady",
                List.of(
                        inject("in", "steady"),
                        node("keep", "filter", "rules", rules(rule("data.seq", "gte", 0))),
                        node("stamp", "map", "mode", "merge", "fields", ConfigValue.object("seen", "yes")),
                        capture("out", "steady")),
                List.of(Wire.of("in", "keep"), Wire.of("keep", "matched", "stamp"), Wire.of("stamp", "out"))));
        engine.deploy(churn(0));

        AtomicBoolean replacing = new AtomicBoolean(true);
        ExecutorService sender = Executors.newSingleThreadExecutor();
        Future<Integer> sent = sender.submit(() -> {
            int seq = 0;
            // keeps sending for as long as the other flow is being replaced, and a little before and after
            while (replacing.get() || seq < 50) {
                InjectConnector.send(engine.camel(), "steady", "{\"seq\": " + seq + "}");
                seq++;
            }
            return seq;
        });
        try {
            await().until(() -> CaptureConnector.events("steady").size() >= 10);
            for (int version = 1; version <= 6; version++) {
                engine.deploy(churn(version));
                InjectConnector.send(engine.camel(), "churn", "{}");
                assertThat(CaptureConnector.events("churn-v" + version)).hasSize(1);
            }
            replacing.set(false);
            int total = sent.get();

            List<Integer> received = CaptureConnector.events("steady").stream()
                    .map(e -> e.data().get("seq").asInt())
                    .toList();
            assertThat(received)
                    .containsExactlyElementsOf(IntStream.range(0, total).boxed().toList());
            assertThat(CaptureConnector.events("churn-v0")).isEmpty();
        } finally {
            replacing.set(false);
            sender.shutdown();
        }
    }
}
