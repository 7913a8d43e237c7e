package dev.switchboard.runtime.export;

import static dev.switchboard.runtime.export.CamelSteps.map;
import static dev.switchboard.runtime.export.CamelSteps.simple;

import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.List;

/** {@code kafka.consume} / {@code kafka.produce} as the {@code kafka} component; the record value is the body. */
final class KafkaTranslator implements NodeTranslator {

    @Override
    public List<String> types() {
        return List.of("kafka.consume", "kafka.produce");
    }

    @Override
    public void translate(NodeExport node) {
        NodeConfig config = node.config();
        String brokers = SimpleTemplates.placeholders(config.string("brokers", "localhost:9092"));
        if (node.config().has("topics")) {
            String topics = config.string("topics", "").replace(" ", "");
            node.from(
                    "kafka:" + topics,
                    map(
                            "brokers", brokers,
                            "groupId", config.string("groupId").orElse(null),
                            "autoOffsetReset", config.string("startFrom", "latest")));
            node.add(CamelSteps.bodyAsText());
            node.note("offsets", "committed by Camel's consumer on its own schedule, not after the event is stored");
            if (config.bool("redeliverFailed", false)) {
                node.note("redeliverFailed", "not exported");
            }
            return;
        }
        if (config.string("payload", "data").equals("event")) {
            node.note("payload event", "the record holds the event data, not the CloudEvent envelope");
        }
        node.add(CamelSteps.removeHeaders("*"));
        config.string("key")
                .ifPresent(key ->
                        node.add(CamelSteps.setHeader("kafka.KEY", simple(SimpleTemplates.simple(key, node, "key")))));
        config.stringMap("headers")
                .forEach((name, value) -> node.add(
                        CamelSteps.setHeader(name, simple(SimpleTemplates.simple(value, node, "headers." + name)))));
        String topic = config.string("topic", "");
        var parameters = map("brokers", brokers, "requestRequiredAcks", config.string("acks", "all"));
        if (TemplateParts.parse(topic).hasLookups()) {
            node.add(CamelSteps.toD("kafka:" + SimpleTemplates.simple(topic, node, "topic"), parameters));
        } else {
            node.add(CamelSteps.to("kafka:" + topic, parameters));
        }
    }
}
