package dev.switchboard.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.report.LineageGraph;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import dev.switchboard.runtime.store.PostgresServer;
import dev.switchboard.runtime.store.RunQueries;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * event.publish / event.subscribe between two cluster runtimes in this JVM, on one real KRaft broker
 * and one real PostgreSQL database: runtime A runs the publisher, {@code shipping} and {@code
 * audit}; runtime B the publisher, {@code billing} and {@code audit}. Whichever runtime runs a
 * publishing run, every subscriber flow gets the event once (audit too, although both run it), in
 * publish order, and its run is a child of the publishing run.
 */
class ClusterPubSubTest {
    private static final int PARTITIONS = 3;
    private static final Duration DRAIN = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Capture sinks are JVM-wide: this class's own names. */
    private static final String SINKS = "cluster-pubsub-";

    @TempDir
    static Path data;

    static KafkaClusterTestKit kafka;
    static Admin admin;
    static String dbUrl;
    static DurableRuntime a;
    static DurableRuntime b;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startCluster() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("num.io.threads", "2")
                .setConfigProp("num.network.threads", "1")
                .setConfigProp("background.threads", "2")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        admin = kafka.admin();
        dbUrl = PostgresServer.withPassword(PostgresServer.get().newDatabase());

        a = runtime("runtime-a");
        b = runtime("runtime-b");
        a.engine().deploy(publisher("orders-in", "/hooks/orders", "orders.created"));
        b.engine().deploy(publisher("orders-in", "/hooks/orders", "orders.created"));
        a.engine().deploy(subscriber("shipping", "orders.created"));
        b.engine().deploy(subscriber("billing", "orders.created"));
        a.engine().deploy(subscriber("audit", "orders.created"));
        b.engine().deploy(subscriber("audit", "orders.created"));
        ((KafkaInbox) a.engineInbox()).startConsuming();
        ((KafkaInbox) b.engineInbox()).startConsuming();
        for (String flow : List.of("shipping", "billing", "audit")) {
            await().atMost(WAIT).until(() -> subscribed(flow, "orders.created"));
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {b, a, admin, kafka}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void everySubscriberFlowGetsEachEventOnceInOrderWhicheverRuntimeRunsIt() throws Exception {
        List<Integer> sent = IntStream.rangeClosed(1, 20).boxed().toList();
        for (int n : sent) {
            // half into each runtime's webhook: the event log decides which runtime publishes
            post(n % 2 == 0 ? a : b, "/hooks/orders", "{\"n\": " + n + "}");
        }

        for (String sink : List.of("shipping", "billing", "audit")) {
            await().atMost(WAIT).until(() -> numbers(sink).contains(20));
            // (this class's other tests send numbers above 20)
            assertThat(numbers(sink)).as(sink).filteredOn(n -> n <= 20).containsExactlyElementsOf(sent);
        }
        Event received = events("billing").get(0);
        assertThat(received.extensions())
                .containsEntry("sbtopic", "orders.created")
                .containsEntry("sbpublisher", "orders-in")
                .containsEntry("sbhops", "1");
        // audit runs in both runtimes and got each event once: its group divides the partitions between them
        assertThat(events("audit")).extracting(Event::id).doesNotHaveDuplicates();
        assertThat(KafkaPubSub.of(a.engine()).orElseThrow().subscribers())
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith("shipping:sub: "))
                .anySatisfy(line -> assertThat(line).startsWith("audit:sub: "));
        assertThat(KafkaPubSub.of(b.engine()).orElseThrow().subscribers())
                .anySatisfy(line -> assertThat(line).startsWith("billing:sub: partitions 0"));
    }

    @Test
    void aSubscriberRunIsAChildOfThePublishingRunInTheSharedHistory() throws Exception {
        post(a, "/hooks/orders", "{\"n\": 100}");
        await().atMost(WAIT)
                .until(() ->
                        numbers("shipping").contains(100) && numbers("billing").contains(100));
        String eventId = events("shipping").stream()
                .filter(e -> e.data().path("n").asInt() == 100)
                .findFirst()
                .orElseThrow()
                .id();

        RunQueries runs = new RunQueries(a.store());
        await().atMost(WAIT).until(() -> runs.path(eventId).size() == 4);
        List<RunQueries.RunPath> paths = runs.path(eventId);
        RunQueries.Run published = paths.stream()
                .map(RunQueries.RunPath::run)
                .filter(r -> r.flowId().equals("orders-in"))
                .findFirst()
                .orElseThrow();
        assertThat(paths)
                .map(RunQueries.RunPath::run)
                .filteredOn(r -> !r.flowId().equals("orders-in"))
                .extracting(RunQueries.Run::flowId, RunQueries.Run::parentRunId, RunQueries.Run::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("shipping", published.runId(), "SUCCESS"),
                        org.assertj.core.groups.Tuple.tuple("billing", published.runId(), "SUCCESS"),
                        org.assertj.core.groups.Tuple.tuple("audit", published.runId(), "SUCCESS"));
        assertThat(LineageGraph.render(paths, LineageGraph.Format.MERMAID).lines())
                .filteredOn(line -> line.contains("-->"))
                .hasSize(3);
    }

    @Test
    void aSubscriberDeployedLaterSeesOnlyWhatIsPublishedAfterItSubscribed() throws Exception {
        a.engine().deploy(publisher("restock-in", "/hooks/restock", "restock"));
        post(a, "/hooks/restock", "{\"n\": 1}");
        await().atMost(WAIT).until(() -> numbers("restock-in-published").contains(1));

        b.engine().deploy(subscriber("restock-late", "restock"));
        await().atMost(WAIT).until(() -> subscribed("restock-late", "restock"));
        post(a, "/hooks/restock", "{\"n\": 2}");

        // one publisher, one key, one partition: had 1 been delivered, it would have come before 2
        await().atMost(WAIT).until(() -> numbers("restock-late").contains(2));
        assertThat(numbers("restock-late")).containsExactly(2);
    }

    @Test
    void aPublishKafkaRefusesFailsThePublishingStepAndReachesNoSubscriber() throws Exception {
        String kafkaTopic = ClusterOptions.DEFAULT_TOPIC + ".pubsub.oversize";
        admin.createTopics(List.of(new NewTopic(kafkaTopic, 1, (short) 1).configs(Map.of("max.message.bytes", "64"))))
                .all()
                .get();
        a.engine().deploy(publisher("oversize-in", "/hooks/oversize", "oversize"));
        b.engine().deploy(subscriber("oversize-sub", "oversize"));
        await().atMost(WAIT).until(() -> subscribed("oversize-sub", "oversize", 1));

        post(a, "/hooks/oversize", "{\"n\": 1}");

        RunQueries runs = new RunQueries(a.store());
        await().atMost(WAIT).until(() -> !runs.list("oversize-in", null, 10).isEmpty());
        RunQueries.Run run = runs.list("oversize-in", null, 10).get(0);
        assertThat(run.status()).isEqualTo("DEAD_LETTERED");
        assertThat(a.deadLetters().findByRun(run.runId())).hasValueSatisfying(letter -> {
            assertThat(letter.nodeId()).isEqualTo("pub");
            assertThat(letter.error()).contains("could not be appended to Kafka topic '" + kafkaTopic + "'");
        });
        // the step failed, so nothing went on past it, and no subscriber got a copy
        assertThat(numbers("oversize-in-published")).isEmpty();
        assertThat(numbers("oversize-sub")).isEmpty();
    }

    private static DurableRuntime runtime(String member) {
        ClusterOptions options = ClusterOptions.of(kafka.bootstrapServers(), member)
                .withPartitions(PARTITIONS)
                .withWorkers(4);
        DurableRuntime runtime = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, data.resolve(member), DRAIN),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of()),
                dbUrl,
                HistoryOptions.defaults(),
                (shared, engine) -> new KafkaInbox(options, shared, engine, DRAIN));
        // as run --cluster does (ClusterCliOptions)
        TriggerLeases leases =
                new TriggerLeases(runtime.store(), member, options.leaseTtl(), options.leaseRenewEvery());
        runtime.closeAfterEngine(leases);
        runtime.engine()
                .gatePullTriggers(KafkaPubSub.install(runtime.engine(), (KafkaInbox) runtime.engineInbox(), leases));
        return runtime;
    }

    /** Every partition of the topic has a committed start in the subscriber's group: it is subscribed. */
    private static boolean subscribed(String flowId, String topic) throws Exception {
        return subscribed(flowId, topic, PARTITIONS);
    }

    private static boolean subscribed(String flowId, String topic, int partitions) throws Exception {
        String kafkaTopic = ClusterOptions.DEFAULT_TOPIC + ".pubsub." + topic;
        return admin
                        .listConsumerGroupOffsets(ClusterOptions.DEFAULT_GROUP + ".subscriber." + flowId + ".sub")
                        .partitionsToOffsetAndMetadata()
                        .get()
                        .keySet()
                        .stream()
                        .filter(partition -> partition.topic().equals(kafkaTopic))
                        .count()
                == partitions;
    }

    private static void post(DurableRuntime runtime, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(runtime.engine().httpBaseUrl() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static List<Event> events(String sink) {
        return CaptureConnector.events(SINKS + sink);
    }

    private static List<Integer> numbers(String sink) {
        return events(sink).stream().map(e -> e.data().path("n").asInt()).toList();
    }

    /** webhook → event.publish → test.capture ({@code <id>-published}). */
    private static Flow publisher(String id, String path, String topic) {
        return flow(
                id,
                List.of(
                        node("in", "webhook", "path", path),
                        node("pub", "event.publish", "topic", topic),
                        node("published", "test.capture", "sink", SINKS + id + "-published")),
                List.of(Wire.of("in", "pub"), Wire.of("pub", "published")));
    }

    /** event.subscribe → test.capture (sink named after the flow, see {@link #numbers}). */
    private static Flow subscriber(String id, String topic) {
        return flow(
                id,
                List.of(
                        node("sub", "event.subscribe", "topic", topic),
                        node("got", "test.capture", "sink", SINKS + id)),
                List.of(Wire.of("sub", "got")));
    }

    private static Flow flow(String id, List<Node> nodes, List<Wire> wires) {
        return new Flow(FlowFormat.CURRENT, id, id, null, null, new ArrayList<>(nodes), wires, null);
    }

    private static Node node(String id, String type, Object... config) {
        return new Node(id, type, null, ConfigValue.object(config), null);
    }
}
