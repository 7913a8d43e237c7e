package dev.switchboard.runtime.export;

import static dev.switchboard.runtime.export.CamelSteps.map;
import static dev.switchboard.runtime.export.CamelSteps.simple;

import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.List;
import java.util.Map;

/**
 * {@code jms.*} and {@code amqp.*} as Camel's {@code jms} and {@code amqp} components. Their
 * connection factory is not part of an endpoint URI: the file names the broker URL in a comment
 * and the component must be given a connection factory (see docs/export-camel.md).
 */
final class BrokerTranslator implements NodeTranslator {

    @Override
    public List<String> types() {
        return List.of("jms.consume", "jms.send", "amqp.consume", "amqp.send");
    }

    @Override
    public void translate(NodeExport node) {
        NodeConfig config = node.config();
        String scheme = node.type().startsWith("amqp") ? "amqp" : "jms";
        String destination = config.string("destinationType", "queue") + ":" + config.string("destination", "");
        node.note(
                "brokerUrl " + SimpleTemplates.placeholders(config.string("brokerUrl", "")),
                "configure the " + scheme + " component's connectionFactory for this broker (not part of a URI)");
        if (node.type().endsWith(".consume")) {
            Map<String, Object> parameters =
                    map("messageSelector", config.string("selector").orElse(null));
            node.from(scheme + ":" + destination, parameters);
            node.add(CamelSteps.bodyAsText());
            return;
        }
        node.add(CamelSteps.removeHeaders("*"));
        config.stringMap("headers")
                .forEach((name, value) -> node.add(
                        CamelSteps.setHeader(name, simple(SimpleTemplates.simple(value, node, "headers." + name)))));
        node.add(CamelSteps.to(scheme + ":" + destination, map()));
    }
}
