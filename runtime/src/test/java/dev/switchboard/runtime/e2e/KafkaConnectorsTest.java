package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.chain;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.StatusBoard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kafka.consume and kafka.produce against one real KRaft broker running in this JVM. */
class KafkaConnectorsTest {
    @TempDir
    static Path dataDir;

    static KafkaClusterTestKit kafka;
    static Engine engine;

    @BeforeAll
    static void startBrokerAndEngine() throws Exception {
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
                // a test broker on a shared 2-core machine: fewer threads start and stop faster
                .setConfigProp("num.io.threads", "2")
                .setConfigProp("num.network.threads", "1")
                .setConfigProp("background.threads", "2")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(
                            new NewTopic("clicks", 1, (short) 1),
                            new NewTopic("envelopes", 1, (short) 1),
                            new NewTopic("crash", 1, (short) 1),
                            new NewTopic("late", 1, (short) 1)))
                    .all()
                    .get();
        }
        engine = Flows.engine(dataDir, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void producedEventComesBackFromTheTopicWithItsDataKeyAndKafkaAttributes() throws Exception {
        engine.deploy(chain(
                "kafka-out",
                node("in", "test.inject", "channel", "kafka-out"),
                node(
                        "send",
                        "kafka.produce",
                        "brokers",
                        kafka.bootstrapServers(),
                        "topic",
                        "{{data.kind}}s",
                        "key",
                        "{{data.user}}",
                        "headers",
                        ConfigValue.object("origin", "site-{{data.site}}"))));
        engine.deploy(chain(
                "kafka-in",
                node(
                        "in",
                        "kafka.consume",
                        "brokers",
                        kafka.bootstrapServers(),
                        "topics",
                        "clicks",
                        "startFrom",
                        "earliest",
                        "groupId",
                        "round-trip"),
                node("capture", "test.capture", "sink", "kafka-in")));

        InjectConnector.send(
                engine.camel(),
                "kafka-out",
                "{\"kind\": \"click\", \"user\": \"u-7\", \"site\": \"eu\", \"ms\": 5200}");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> CaptureConnector.events("kafka-in").size() == 1);
        Event event = CaptureConnector.events("kafka-in").get(0);
        assertThat(event.data())
                .isEqualTo(dev.switchboard.connector.support.Json.parse(
                        "{\"kind\": \"click\", \"user\": \"u-7\", \"site\": \"eu\", \"ms\": 5200}"));
        assertThat(event.subject()).isEqualTo("u-7");
        assertThat(event.type()).isEqualTo("dev.switchboard.kafka.record");
        assertThat(event.source()).isEqualTo("/switchboard/flows/kafka-in/in");
        assertThat(event.id()).isEqualTo("clicks-0-0");
        assertThat(event.dataContentType()).isEqualTo("application/json");
        assertThat(event.extensions())
                .containsEntry("kafkatopic", "clicks")
                .containsEntry("kafkapartition", "0")
                .containsEntry("kafkaoffset", "0");
        assertThat(readAll("clicks", 1)).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("u-7");
            assertThat(new String(record.headers().lastHeader("origin").value(), StandardCharsets.UTF_8))
                    .isEqualTo("site-eu");
        });
        engine.undeploy("kafka-out");
        engine.undeploy("kafka-in");
    }

    @Test
    void wholeCloudEventTravelsThroughKafkaKeepingItsIdentity() throws Exception {
        engine.deploy(chain(
                "envelope-out",
                node("in", "test.inject", "channel", "envelope-out"),
                node(
                        "send",
                        "kafka.produce",
                        "brokers",
                        kafka.bootstrapServers(),
                        "topic",
                        "envelopes",
                        "payload",
                        "cloudevent")));
        engine.deploy(chain(
                "envelope-in",
                node(
                        "in",
                        "kafka.consume",
                        "brokers",
                        kafka.bootstrapServers(),
                        "topics",
                        "envelopes",
                        "startFrom",
                        "earliest",
                        "valueFormat",
                        "cloudevent"),
                node("capture", "test.capture", "sink", "envelope-in")));
        engine.deploy(chain(
                "envelope-sent",
                node("in", "test.inject", "channel", "envelope-sent-unused"),
                node("capture", "test.capture", "sink", "unused")));

        InjectConnector.send(engine.camel(), "envelope-out", "{\"order\": 17}");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> CaptureConnector.events("envelope-in").size() == 1);
        Event event = CaptureConnector.events("envelope-in").get(0);
        assertThat(event.source()).isEqualTo("/switchboard/flows/envelope-out/in");
        assertThat(event.type()).isEqualTo("dev.switchboard.test.injected");
        assertThat(event.data().path("order").asInt()).isEqualTo(17);
        assertThat(event.extensions()).containsEntry("kafkatopic", "envelopes");
        engine.undeploy("envelope-out");
        engine.undeploy("envelope-in");
        engine.undeploy("envelope-sent");
    }

    @Test
    void flowStoppedMidBatchLosesNoRecordAfterRestart() throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("crash", "k" + i, "{\"n\": " + i + "}"))
                        .get();
            }
        }
        GateConnector.allow("crash", 4);
        Engine first = Flows.engine(dataDir.resolve("first"), Map.of());
        try {
            first.deploy(crashFlow("crash-1"));
            // four records finished, the fifth died in the gate: the batch is half done
            await().atMost(Duration.ofSeconds(20)).until(() -> GateConnector.rejected("crash") >= 1);
        } finally {
            first.close();
        }
        assertThat(numbers("crash-1")).containsExactly(0, 1, 2, 3);

        GateConnector.open("crash");
        Engine second = Flows.engine(dataDir.resolve("second"), Map.of());
        try {
            second.deploy(crashFlow("crash-2"));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> CaptureConnector.events("crash-2").size() >= 6);
        } finally {
            second.close();
        }
        // restart resumes right after the last finished record: nothing lost, nothing finished twice
        assertThat(numbers("crash-2")).containsExactly(4, 5, 6, 7, 8, 9);
    }

    @Test
    void unreachableBrokerIsReportedAndOtherFlowsKeepRunning() throws Exception {
        int port = Flows.freePort();
        engine.deploy(chain(
                "kafka-down",
                node("in", "kafka.consume", "brokers", "127.0.0.1:" + port, "topics", "nowhere"),
                node("capture", "test.capture", "sink", "kafka-down")));
        engine.deploy(chain(
                "still-fine",
                node("in", "test.inject", "channel", "still-fine"),
                node("capture", "test.capture", "sink", "still-fine")));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> engine.nodeStatus("kafka-down", "in")
                        .filter(s -> s.state() == StatusBoard.State.DOWN)
                        .isPresent());
        assertThat(engine.nodeStatus("kafka-down", "in").orElseThrow().message())
                .contains("cannot reach Kafka at 127.0.0.1:" + port);
        InjectConnector.send(engine.camel(), "still-fine", "{}");
        assertThat(CaptureConnector.events("still-fine")).hasSize(1);
        assertThat(engine.undeploy("kafka-down")).isTrue();
        engine.undeploy("still-fine");
    }

    @Test
    void consumerStartedBeforeItsBrokerIsReachableConnectsOnceItAppears() throws Exception {
        int port = Flows.freePort();
        engine.deploy(chain(
                "kafka-late",
                node("in", "kafka.consume", "brokers", "127.0.0.1:" + port, "topics", "late", "startFrom", "earliest"),
                node("capture", "test.capture", "sink", "kafka-late")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> engine.nodeStatus("kafka-late", "in")
                        .filter(s -> s.state() == StatusBoard.State.DOWN)
                        .isPresent());
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("late", "k", "{\"hello\": \"late\"}"))
                    .get();
        }

        int brokerPort = Integer.parseInt(kafka.bootstrapServers().split(",")[0].replaceAll(".*:", ""));
        try (TcpForwarder broker = new TcpForwarder(port, brokerPort)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> CaptureConnector.events("kafka-late").size() == 1);
            assertThat(CaptureConnector.events("kafka-late")
                            .get(0)
                            .data()
                            .path("hello")
                            .asText())
                    .isEqualTo("late");
            engine.undeploy("kafka-late");
        }
    }

    private static dev.switchboard.runtime.model.Flow crashFlow(String sink) {
        return chain(
                "crash",
                node(
                        "in",
                        "kafka.consume",
                        "brokers",
                        kafka.bootstrapServers(),
                        "topics",
                        "crash",
                        "startFrom",
                        "earliest",
                        "groupId",
                        "crash-group"),
                node("gate", "test.gate", "gate", "crash"),
                node("capture", "test.capture", "sink", sink));
    }

    private static List<Integer> numbers(String sink) {
        return CaptureConnector.events(sink).stream()
                .map(e -> e.data().path("n").asInt())
                .toList();
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            return records;
        }
    }
}
