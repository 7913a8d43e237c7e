package dev.switchboard.connector.kafka;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Destination;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.support.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;

/** {@code kafka.produce}: publishes each event to a Kafka topic and waits for the broker's ack. */
public final class KafkaProduceConnector implements Connector {
    private static final String SAVED_EVENT = "sb.kafka.event";
    private static final String SAVED_HEADERS = "sb.kafka.headers";

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("kafka.produce", ConnectorKind.ACTION)
            .category("Actions")
            .title("Kafka producer")
            .description("Publishes the event to a Kafka topic")
            .icon("upload-cloud")
            .outputs(PortSpec.out())
            .properties(
                    KafkaOptions.brokersProperty(),
                    PropertySpec.builder("topic", PropertyType.TEMPLATE)
                            .title("Topic")
                            .required()
                            .placeholder("offers")
                            .description("Topic to publish to; may use fields, e.g. orders-{{data.region}}")
                            .build(),
                    PropertySpec.builder("key", PropertyType.TEMPLATE)
                            .title("Key")
                            .placeholder("{{data.userId}}")
                            .description("Record key: records with one key keep their order. Empty: no key")
                            .build(),
                    PropertySpec.builder("headers", PropertyType.KEY_VALUE)
                            .title("Headers")
                            .description("Record headers; values may use fields")
                            .build(),
                    PropertySpec.builder("payload", PropertyType.ENUM)
                            .title("Value")
                            .options("data", "cloudevent")
                            .defaultValue("data")
                            .description(
                                    "data: the event data as JSON; cloudevent: the whole CloudEvent (id, source, type, … and data)")
                            .build(),
                    PropertySpec.builder("acks", PropertyType.ENUM)
                            .title("Acknowledgement")
                            .options("all", "1", "0")
                            .defaultValue("all")
                            .description("all: every in-sync replica has the record before the flow goes on (safest)")
                            .build())
            .helpResource(KafkaProduceConnector.class, "kafka.produce.md")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>(KafkaOptions.brokerProblems(config));
        templateProblem(config, "topic", "/topic", problems);
        templateProblem(config, "key", "/key", problems);
        config.stringMap("headers").forEach((name, value) -> {
            String problem = Template.problem(value);
            if (problem != null) {
                problems.add(new ConfigProblem("/headers/" + name, problem));
            }
        });
        return problems;
    }

    private static void templateProblem(NodeConfig config, String name, String pointer, List<ConfigProblem> problems) {
        config.string(name).map(Template::problem).ifPresent(p -> problems.add(new ConfigProblem(pointer, p)));
    }

    @Override
    public void compile(NodeContext node) {
        NodeConfig config = node.config();
        Template topic = Template.parse(config.requireString("topic"));
        Template key = config.string("key")
                .filter(s -> !s.isBlank())
                .map(Template::parse)
                .orElse(null);
        Map<String, Template> headers = new LinkedHashMap<>();
        config.stringMap("headers").forEach((name, value) -> headers.put(name, Template.parse(value)));
        boolean wholeEvent = "cloudevent".equals(config.string("payload", "data"));
        // the endpoint's topic is a fallback only: every record names its topic in OVERRIDE_TOPIC
        String uri = "kafka:switchboard-unnamed?brokers=" + KafkaOptions.brokers(config)
                + "&requestRequiredAcks=" + config.string("acks", "all")
                + "&keySerializer=org.apache.kafka.common.serialization.StringSerializer"
                + "&valueSerializer=org.apache.kafka.common.serialization.StringSerializer";

        node.emit(
                node.route()
                        .process(exchange -> toRecord(exchange, topic, key, headers, wholeEvent))
                        .to(uri)
                        .process(KafkaProduceConnector::restore),
                PortSpec.OUT);
    }

    private static void toRecord(
            Exchange exchange, Template topic, Template key, Map<String, Template> headers, boolean wholeEvent) {
        Event event = exchange.getMessage().getBody(Event.class);
        String topicName = topic.render(event).trim();
        if (topicName.isEmpty()) {
            throw new IllegalArgumentException("topic template '" + topic + "' rendered empty for event " + event.id());
        }
        // only the headers configured here become record headers, not whatever earlier nodes left
        exchange.setProperty(SAVED_EVENT, event);
        exchange.setProperty(
                SAVED_HEADERS, new LinkedHashMap<>(exchange.getMessage().getHeaders()));
        exchange.getMessage().removeHeaders("*");
        headers.forEach((name, value) -> exchange.getMessage().setHeader(name, value.render(event)));
        exchange.getMessage().setHeader(KafkaConstants.OVERRIDE_TOPIC, topicName);
        if (key != null) {
            exchange.getMessage().setHeader(KafkaConstants.KEY, key.render(event));
        }
        exchange.getMessage().setBody(Json.write(wholeEvent ? Json.toCloudEvent(event) : event.data()));
    }

    @SuppressWarnings("unchecked")
    private static void restore(Exchange exchange) {
        Map<String, Object> saved = exchange.getProperty(SAVED_HEADERS, Map.class);
        exchange.getMessage().setHeaders(saved);
        exchange.getMessage().setBody(exchange.getProperty(SAVED_EVENT, Event.class));
        exchange.removeProperty(SAVED_HEADERS);
        exchange.removeProperty(SAVED_EVENT);
    }

    @Override
    public Optional<Destination> destination(NodeConfig config) {
        return config.string("topic").map(topic -> Destination.topic("kafka", topic));
    }
}
