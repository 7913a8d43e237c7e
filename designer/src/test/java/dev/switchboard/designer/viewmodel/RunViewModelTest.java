package dev.switchboard.designer.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.designer.run.RunSettings;
import dev.switchboard.designer.viewmodel.RunViewModel.NodeStatus;
import dev.switchboard.runtime.engine.StatusBoard;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.live.NodeStats;
import dev.switchboard.runtime.store.RunQueries;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.apache.camel.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running flows from the view-model, without a window: work runs on the caller's thread and the
 * test ticks the live state itself. Real engine, real H2 store, real webhooks on loopback.
 */
class RunViewModelTest {
    static final String PUBLISHER = """
            {"format": "switchboard/flow@1", "id": "orders", "name": "Orders",
             "nodes": [
               {"id": "hook", "type": "webhook", "config": {"path": "/hooks/orders"}},
               {"id": "stamp", "type": "map", "config": {"fields": {"version": "v1", "order": "{{data.order}}"}}},
               {"id": "save", "type": "file.write", "config": {"path": "out/orders.jsonl", "format": "jsonl"}},
               {"id": "announce", "type": "event.publish", "config": {"topic": "orders.stamped"}}
             ],
             "wires": [{"from": "hook", "to": "stamp"}, {"from": "stamp", "to": "save"}, {"from": "stamp", "to": "announce"}]}
            """;
    static final String SUBSCRIBER = """
            {"format": "switchboard/flow@1", "id": "audit", "name": "Audit",
             "nodes": [
               {"id": "listen", "type": "event.subscribe", "config": {"topic": "orders.stamped"}},
               {"id": "keep", "type": "file.write", "config": {"path": "out/audit.jsonl", "format": "jsonl"}}
             ],
             "wires": [{"from": "listen", "to": "keep"}]}
            """;
    static final String UNRELATED = """
            {"format": "switchboard/flow@1", "id": "other", "name": "Other",
             "nodes": [
               {"id": "listen", "type": "event.subscribe", "config": {"topic": "something.else"}},
               {"id": "keep", "type": "file.write", "config": {"path": "out/other.jsonl", "format": "jsonl"}}
             ],
             "wires": [{"from": "listen", "to": "keep"}]}
            """;
    static final String FAILING = """
            {"format": "switchboard/flow@1", "id": "failing", "name": "Failing",
             "nodes": [
               {"id": "hook", "type": "webhook", "config": {"path": "/hooks/failing"}},
               {"id": "call", "type": "http.request", "config": {"url": "%s", "retries": 0, "timeout": "2s"}}
             ],
             "wires": [{"from": "hook", "to": "call"}]}
            """;

    @TempDir
    Path temp;

    private DesignerViewModel vm;

    private DesignerViewModel designer() {
        return designer(0);
    }

    private DesignerViewModel designer(int httpPort) {
        RunSettings settings = new RunSettings(temp.resolve("data"), httpPort, 50);
        vm = new DesignerViewModel(ConnectorCatalog.load(), Debouncer.IMMEDIATE, RunEnvironment.direct(() -> settings));
        return vm;
    }

    @AfterEach
    void stop() {
        if (vm != null) {
            vm.run().shutdown();
        }
    }

    private Path writeFlows() throws Exception {
        Path folder = temp.resolve("flows");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("orders.flow.json"), PUBLISHER);
        Files.writeString(folder.resolve("audit.flow.json"), SUBSCRIBER);
        Files.writeString(folder.resolve("other.flow.json"), UNRELATED);
        Files.writeString(folder.resolve("broken.flow.json"), "{ not a flow");
        return folder;
    }

    @Test
    void runStartsTheOpenFlowWithItsSubscribersAndShowsWebhookUrls() throws Exception {
        DesignerViewModel vm = designer();
        vm.files().open(writeFlows().resolve("orders.flow.json"));
        vm.run().run();

        assertThat(vm.run().stateProperty().get()).isEqualTo(RunViewModel.State.RUNNING);
        assertThat(vm.run().session().orElseThrow().engine().deployedFlowIds())
                .containsExactlyInAnyOrder("orders", "audit");
        assertThat(vm.run().live().get("hook").urls())
                .singleElement()
                .asString()
                .matches("http://127\\.0\\.0\\.1:\\d+/hooks/orders");
        assertThat(vm.run().live().get("stamp"))
                .extracting(NodeLive::in, NodeLive::out, NodeLive::status)
                .containsExactly(0L, 0L, NodeStatus.WAITING);
        assertThat(vm.statusProperty().get()).contains("Running 'orders'", "with subscriber audit");
    }

    @Test
    void aTakenWebhookPortFallsBackToAFreeOneAndTheShownUrlIsTheOneThatAnswers() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DesignerViewModel vm = designer(taken.getLocalPort());
            vm.files().open(writeFlows().resolve("orders.flow.json"));
            vm.run().run();

            assertThat(vm.run().stateProperty().get()).isEqualTo(RunViewModel.State.RUNNING);
            String url = vm.run().live().get("hook").urls().get(0);
            assertThat(URI.create(url).getPort()).isNotEqualTo(taken.getLocalPort());
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"order\": 42}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                vm.run().tick();
                assertThat(vm.run().live().get("save").out()).isEqualTo(1L);
            });
        }
    }

    @Test
    void aHiddenRunsPanelDoesNotFollowNewRunsUntilItIsShown() throws Exception {
        DesignerViewModel vm = designer();
        vm.files().open(writeFlows().resolve("orders.flow.json"));
        vm.run().runs().shownProperty().set(false);
        vm.run().run();
        vm.run().inject().textProperty().set("{\"order\": 8}");
        vm.run().inject().send();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            vm.run().tick();
            assertThat(vm.run().live().get("save").out()).isEqualTo(1L);
        });
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !vm.run()
                        .session()
                        .orElseThrow()
                        .runs(List.of("orders"), null, 10)
                        .isEmpty());
        for (int i = 0; i < 30; i++) {
            vm.run().tick(); // three refresh periods
        }
        assertThat(vm.run().runs().runs()).as("not followed while hidden").isEmpty();

        vm.run().runs().shownProperty().set(true);

        assertThat(vm.run().runs().runs())
                .as("the run in orders, and in its subscriber audit once that finished")
                .isNotEmpty()
                .extracting(RunQueries.Run::eventId)
                .containsOnly(vm.run().inject().lastEventIdProperty().get());
    }

    @Test
    void workThatFailsBecauseItsSessionStoppedSaysNothingButStillFinishes() throws Exception {
        DesignerViewModel vm = designer();
        vm.files().open(writeFlows().resolve("orders.flow.json"));
        vm.run().run();
        StringProperty status = new SimpleStringProperty("Running");
        RunHost host = new RunHost(RunEnvironment.direct(() -> null), status);
        host.setSession(vm.run().session().orElseThrow());
        List<String> finished = new ArrayList<>();

        host.submit(
                "Refreshing runs",
                s -> {
                    host.setSession(null); // Stop pressed while this ran
                    throw new IllegalStateException("The store is closed");
                },
                result -> finished.add("done"),
                () -> finished.add("always"));
        assertThat(finished)
                .as("a refresh in flight must release its guard, or the next session never refreshes")
                .containsExactly("always");
        assertThat(status.get()).isEqualTo("Running");

        host.setSession(vm.run().session().orElseThrow());
        host.submit(
                "Refreshing runs",
                s -> {
                    throw new IllegalStateException("The store is closed");
                },
                result -> finished.add("done"),
                () -> finished.add("always"));
        assertThat(finished).containsExactly("always", "always");
        assertThat(status.get()).isEqualTo("Refreshing runs failed: The store is closed");
    }

    @Test
    void injectedEventsMoveTheCountersAndReachTheInspector() throws Exception {
        DesignerViewModel vm = designer();
        vm.files().open(writeFlows().resolve("orders.flow.json"));
        vm.run().run();
        vm.run().inject().textProperty().set("{\"order\": 7}");
        vm.run().inject().send();

        String id = vm.run().inject().lastEventIdProperty().get();
        assertThat(id).isNotNull();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            vm.run().tick();
            assertThat(vm.run().live().get("save"))
                    .extracting(NodeLive::in, NodeLive::out)
                    .containsExactly(1L, 1L);
        });
        assertThat(vm.run().live().get("hook").status()).isEqualTo(NodeStatus.RUNNING);
        assertThat(vm.run().messages().all()).anySatisfy(m -> {
            assertThat(m.nodeId()).isEqualTo("stamp");
            assertThat(m.eventId()).isEqualTo(id);
            assertThat(m.output().data().path("order").asText()).isEqualTo("7");
        });

        vm.run().messages().nodeFilterProperty().set(new dev.switchboard.runtime.live.NodeKey("orders", "save"));
        assertThat(vm.run().messages().visible()).extracting(m -> m.nodeId()).containsOnly("save");
    }

    @Test
    void injectRefusesJsonThatDoesNotParseAndSaysWhere() throws Exception {
        DesignerViewModel vm = designer();
        vm.files().open(writeFlows().resolve("orders.flow.json"));
        vm.run().run();
        vm.run().inject().textProperty().set("{\"order\": 7,,}");
        vm.run().inject().send();

        assertThat(vm.run().inject().errorProperty().get())
                .startsWith("Not valid JSON")
                .endsWith("(line 1, column 13)");
        assertThat(vm.run().inject().lastEventIdProperty().get()).isNull();
    }

    @Test
    void savingWhileRunningHotReplacesOnlyThatFlow() throws Exception {
        DesignerViewModel vm = designer();
        Path file = writeFlows().resolve("orders.flow.json");
        vm.files().open(file);
        vm.run().run();
        Route subscriberBefore =
                vm.run().session().orElseThrow().engine().camel().getRoute("audit:listen");
        Route stampBefore = vm.run().session().orElseThrow().engine().camel().getRoute("orders:stamp");

        vm.setFlow(FlowCodec.read(PUBLISHER.replace("\"v1\"", "\"v2\"")));
        vm.files().save();

        assertThat(vm.statusProperty().get()).contains("replaced the running 'orders'");
        var camel = vm.run().session().orElseThrow().engine().camel();
        assertThat(camel.getRoute("orders:stamp"))
                .as("the saved flow was replaced")
                .isNotSameAs(stampBefore);
        assertThat(camel.getRoute("audit:listen"))
                .as("the subscriber kept running untouched")
                .isSameAs(subscriberBefore);
        vm.run().inject().textProperty().set("{\"order\": 8}");
        vm.run().inject().send();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(temp.resolve("data/out/audit.jsonl"))
                        .content()
                        .contains("\"version\":\"v2\""));
    }

    @Test
    void savingABrokenFlowKeepsTheRunningVersion() throws Exception {
        DesignerViewModel vm = designer();
        vm.files().open(writeFlows().resolve("orders.flow.json"));
        vm.run().run();
        Route before = vm.run().session().orElseThrow().engine().camel().getRoute("orders:stamp");

        vm.setFlow(FlowCodec.read(PUBLISHER.replace("\"/hooks/orders\"", "\"no slash\"")));
        vm.files().save();

        assertThat(vm.statusProperty().get()).startsWith("Saved; the running version of 'orders' was kept");
        assertThat(vm.run().session().orElseThrow().engine().camel().getRoute("orders:stamp"))
                .isSameAs(before);
    }

    @Test
    void aFlowWithErrorsDoesNotStart() throws Exception {
        DesignerViewModel vm = designer();
        vm.setFlow(FlowCodec.read(PUBLISHER.replace("\"/hooks/orders\"", "\"no slash\"")));
        vm.run().run();

        assertThat(vm.run().stateProperty().get()).isEqualTo(RunViewModel.State.STOPPED);
        assertThat(vm.statusProperty().get()).startsWith("Cannot run 'orders': fix 1 error first");
    }

    @Test
    void aFailedRunIsListedWithItsDeadLetterAndReplaysFromTheFailedNode() throws Exception {
        DesignerViewModel vm = designer();
        // nothing listens on this loopback port: the call fails at once
        vm.setFlow(FlowCodec.read(FAILING.formatted("http://127.0.0.1:" + freePort() + "/down")));
        vm.run().run();
        vm.run().inject().textProperty().set("{\"n\": 1}");
        vm.run().inject().send();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            vm.run().tick();
            assertThat(vm.run().live().get("call"))
                    .extracting(NodeLive::errors, NodeLive::status)
                    .containsExactly(1L, NodeStatus.ERROR);
        });
        assertThat(vm.run().live().get("call").detail()).startsWith("Failed: ");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            vm.run().runs().refresh();
            assertThat(vm.run().runs().runs())
                    .extracting(RunQueries.Run::status)
                    .containsExactly("DEAD_LETTERED");
            assertThat(vm.run().runs().deadLetters())
                    .singleElement()
                    .satisfies(d -> assertThat(d.nodeId()).isEqualTo("call"));
        });

        vm.run().runs().statusFilterProperty().set("SUCCESS");
        assertThat(vm.run().runs().runs()).isEmpty();
        vm.run().runs().statusFilterProperty().set(null);

        vm.run().runs().replay(vm.run().runs().runs().get(0));
        assertThat(vm.statusProperty().get())
                .startsWith("Replaying event "
                        + vm.run().inject().lastEventIdProperty().get() + " from node 'call' of failing");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            vm.run().runs().refresh();
            assertThat(vm.run().runs().runs())
                    .as("the replay failed again, from the node that failed")
                    .filteredOn(r -> r.replayOf() != null)
                    .singleElement()
                    .satisfies(r -> assertThat(r.triggerNode()).isEqualTo("call"));
        });
    }

    @Test
    void aMissingSecretSaysWhereTheDesignerLooksForSecrets() throws Exception {
        DesignerViewModel vm = designer();
        vm.setFlow(
                FlowCodec.read(
                        PUBLISHER.replace(
                                "\"path\": \"/hooks/orders\"",
                                "\"path\": \"/hooks/orders\", \"auth\": \"bearer\", \"token\": \"{{secret:ORDERS_HOOK_TOKEN_UNSET}}\"")));
        vm.run().run();

        assertThat(vm.run().stateProperty().get()).isEqualTo(RunViewModel.State.STOPPED);
        assertThat(vm.statusProperty().get())
                .contains("ORDERS_HOOK_TOKEN_UNSET is not set")
                .endsWith(
                        "(the designer's secrets file: " + temp.resolve("data").resolve("secrets.env") + ")");
    }

    @Test
    void stopClosesTheRuntimeAndClearsLiveState() throws Exception {
        DesignerViewModel vm = designer();
        vm.files().open(writeFlows().resolve("orders.flow.json"));
        vm.run().run();
        vm.run().stop();

        assertThat(vm.run().stateProperty().get()).isEqualTo(RunViewModel.State.STOPPED);
        assertThat(vm.run().live()).isEmpty();
        assertThat(vm.run().session()).isEmpty();
        vm.run().inject().send();
        assertThat(vm.statusProperty().get()).isEqualTo("Inject: nothing is running — press Run first");
    }

    @Test
    void nodeStatusIsErrorAfterAFailureRunningWhileBusyAndWaitingWhenIdle() {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        NodeStats failed = new NodeStats("f", "n", 3, 2, 0, 1, "IOException: refused", now, now, true);
        NodeStats busy = new NodeStats("f", "n", 3, 3, 0, 0, null, null, now.minusMillis(500), false);
        NodeStats idle = new NodeStats("f", "n", 3, 3, 0, 0, null, null, now.minusSeconds(30), false);

        assertThat(LiveNodes.nodeLive(failed, null, List.of(), now).status()).isEqualTo(NodeStatus.ERROR);
        assertThat(LiveNodes.nodeLive(failed, null, List.of(), now).detail())
                .startsWith("Failed: IOException: refused");
        assertThat(LiveNodes.nodeLive(busy, null, List.of(), now).status()).isEqualTo(NodeStatus.RUNNING);
        assertThat(LiveNodes.nodeLive(idle, null, List.of(), now).status()).isEqualTo(NodeStatus.WAITING);
        assertThat(LiveNodes.nodeLive(null, null, List.of(), now).detail()).isEqualTo("Waiting for the first event");
    }

    @Test
    void nodeStatusShowsTheEnginesConnectionStatusOfTheNode() {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        StatusBoard.Status down =
                new StatusBoard.Status(StatusBoard.State.DOWN, "cannot connect to MQTT broker tcp://h:1883", now);
        StatusBoard.Status connecting =
                new StatusBoard.Status(StatusBoard.State.CONNECTING, "connecting to Kafka at h:9092", now);
        StatusBoard.Status up = new StatusBoard.Status(StatusBoard.State.UP, "connected to Kafka at h:9092", now);

        assertThat(LiveNodes.nodeLive(null, down, List.of(), now).status()).isEqualTo(NodeStatus.ERROR);
        assertThat(LiveNodes.nodeLive(null, down, List.of(), now).detail())
                .isEqualTo("Disconnected: cannot connect to MQTT broker tcp://h:1883");
        assertThat(LiveNodes.nodeLive(null, connecting, List.of(), now).status())
                .isEqualTo(NodeStatus.WAITING);
        assertThat(LiveNodes.nodeLive(null, connecting, List.of(), now).detail())
                .isEqualTo("Connecting: connecting to Kafka at h:9092");
        assertThat(LiveNodes.nodeLive(null, up, List.of(), now).detail()).isEqualTo("Waiting for the first event");
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
