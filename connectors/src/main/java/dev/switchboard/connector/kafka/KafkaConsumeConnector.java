package dev.switchboard.connector.kafka;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.model.ProcessorDefinition;

/**
 * {@code kafka.consume}: one event per Kafka record. The offset of a record is committed only
 * after the flow finished its event, so a crash re-delivers records rather than losing them.
 */
public final class KafkaConsumeConnector implements Connector {
    static final String TYPE = "dev.switchboard.kafka.record";

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("kafka.consume", ConnectorKind.TRIGGER)
            .category("Triggers")
            .title("Kafka consumer")
            .description("Starts the flow for every record on one or more Kafka topics")
            .icon("download-cloud")
            .outputs(PortSpec.out())
            .properties(
                    KafkaOptions.brokersProperty(),
                    PropertySpec.builder("topics", PropertyType.STRING)
                            .title("Topics")
                            .required()
                            .description("Topic name, or several separated by commas")
                            .placeholder("orders, refunds")
                            .build(),
                    PropertySpec.builder("groupId", PropertyType.STRING)
                            .title("Consumer group")
                            .description(
                                    "Consumers in one group share the partitions. Default: switchboard-<flow>-<node>")
                            .build(),
                    PropertySpec.builder("startFrom", PropertyType.ENUM)
                            .title("Start from")
                            .options("latest", "earliest")
                            .defaultValue("latest")
                            .description(
                                    "Where a new group starts reading; a known group continues after its last commit")
                            .build(),
                    PropertySpec.builder("keyFormat", PropertyType.ENUM)
                            .title("Key format")
                            .options("text", "json")
                            .defaultValue("text")
                            .description("How to read the record key (it becomes the event subject)")
                            .build(),
                    PropertySpec.builder("valueFormat", PropertyType.ENUM)
                            .title("Value format")
                            .options("json", "text", "cloudevent")
                            .defaultValue("json")
                            .description(
                                    "json: the value is the event data; text: data is the value as a string; "
                                            + "cloudevent: the value is a whole CloudEvent (as kafka.produce writes with payload=cloudevent)")
                            .build(),
                    PropertySpec.builder("redeliverFailed", PropertyType.BOOLEAN)
                            .title("Redeliver failed records")
                            .defaultValue(false)
                            .description("When the flow fails on a record, read it again instead of moving on "
                                    + "(the partition waits until it succeeds)")
                            .build())
            .helpResource(KafkaConsumeConnector.class, "kafka.consume.md")
            .sampleEvent("{\"userId\": \"u-42\", \"page\": \"/pricing\", \"ms\": 5200}")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>(KafkaOptions.brokerProblems(config));
        for (String topic : KafkaOptions.commaList(config.string("topics", ""))) {
            if (!topic.matches("[A-Za-z0-9._-]{1,249}")) {
                problems.add(new ConfigProblem(
                        "/topics",
                        "'" + topic + "' is not a valid Kafka topic name (letters, digits, '.', '_' and '-' only)"));
            }
        }
        return problems;
    }

    @Override
    public void compile(NodeContext node) {
        NodeConfig config = node.config();
        List<String> topics = KafkaOptions.commaList(config.requireString("topics"));
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("topics: name at least one topic");
        }
        String brokers = KafkaOptions.brokers(config);
        String groupId = config.string("groupId")
                .filter(s -> !s.isBlank())
                .orElse("switchboard-" + node.flowId() + "-" + node.nodeId());
        CommitAfterFlow.register(node.camel());
        String uri = "kafka:" + String.join(",", topics)
                + "?brokers=" + brokers
                + "&groupId=" + groupId
                + "&autoOffsetReset=" + config.string("startFrom", "latest")
                + "&autoCommitEnable=false"
                + "&allowManualCommit=true"
                + "&kafkaManualCommitFactory=#" + CommitAfterFlow.BEAN
                + "&breakOnFirstError=" + config.bool("redeliverFailed", false)
                + "&pollTimeoutMs=500"
                + "&reconnectBackoffMaxMs=10000"
                + "&keyDeserializer=org.apache.kafka.common.serialization.StringDeserializer"
                + "&valueDeserializer=org.apache.kafka.common.serialization.StringDeserializer";
        RecordToEvent toEvent = new RecordToEvent(
                node.eventSource(), config.string("keyFormat", "text"), config.string("valueFormat", "json"));
        ProcessorDefinition<?> route = node.from(uri).process(toEvent).process(CommitAfterFlow.COMMIT_WHEN_DONE);
        node.emit(route, PortSpec.OUT);
        node.repeatWhileRunning(new BrokerProbe(node.status(), brokers)::check);
    }
}
