package dev.switchboard.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs samples/clickstream-offers.flow.json against a real KRaft broker in this JVM. Only the broker
 * address (the sample's localhost:9092) and the start position (earliest, so the clicks produced
 * before the group's first assignment count) are changed.
 */
class ClickstreamOffersSampleTest {
    @TempDir
    Path dir;

    @Test
    void longProductViewsBecomeOffersKeyedByUser() throws Exception {
        try (KafkaClusterTestKit kafka = broker()) {
            try (Admin admin = kafka.admin()) {
                admin.createTopics(List.of(
                                new NewTopic("clickstream", 1, (short) 1), new NewTopic("offers", 1, (short) 1)))
                        .all()
                        .get();
            }
            try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
                producer.send(
                                new ProducerRecord<>(
                                        "clickstream",
                                        "u-42",
                                        "{\"userId\": \"u-42\", \"page\": \"/products/espresso-machine\", \"product\": \"Espresso machine\", \"ms\": 42000}"))
                        .get();
                producer.send(
                                new ProducerRecord<>(
                                        "clickstream",
                                        "u-7",
                                        "{\"userId\": \"u-7\", \"page\": \"/products/grinder\", \"product\": \"Grinder\", \"ms\": 2000}"))
                        .get();
                producer.send(new ProducerRecord<>(
                                "clickstream", "u-9", "{\"userId\": \"u-9\", \"page\": \"/about\", \"ms\": 90000}"))
                        .get();
            }
            Flow flow = againstBroker(
                    FlowCodec.read(Files.readString(Path.of("clickstream-offers.flow.json"))),
                    kafka.bootstrapServers());
            try (Engine engine = new Engine(
                            new EngineOptions("127.0.0.1", 0, dir, Duration.ofSeconds(2)),
                            ConnectorCatalog.load(),
                            SecretResolver.of(Map.of()))
                    .start()) {
                engine.deploy(flow);

                List<ConsumerRecord<String, String>> offers = read(kafka.bootstrapServers(), "offers", 1);
                assertThat(offers).singleElement().satisfies(offer -> {
                    assertThat(offer.key()).isEqualTo("u-42");
                    assertThat(new String(offer.headers().lastHeader("campaign").value(), StandardCharsets.UTF_8))
                            .isEqualTo("browse-abandon");
                    JsonNode data = Json.parse(offer.value());
                    assertThat(data.path("userId").asText()).isEqualTo("u-42");
                    assertThat(data.path("headline").asText())
                            .isEqualTo("Still thinking about the Espresso machine? Here is 10% off");
                });
            }
        }
    }

    private static Flow againstBroker(Flow sample, String brokers) {
        List<Node> nodes = new ArrayList<>();
        for (Node node : sample.nodes()) {
            ConfigValue.Fields config = node.config();
            if (node.type().startsWith("kafka.")) {
                config = config.with("brokers", ConfigValue.of(brokers));
            }
            if (node.type().equals("kafka.consume")) {
                config = config.with("startFrom", ConfigValue.of("earliest"));
            }
            nodes.add(node.withConfig(config));
        }
        return sample.withNodes(nodes);
    }

    /** A one-node KRaft broker in this JVM; the other Kafka sample tests share it. */
    static KafkaClusterTestKit broker() throws Exception {
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        return kafka;
    }

    private static KafkaProducer<String, String> producer(String brokers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> read(String brokers, String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "sample-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            return records;
        }
    }
}
