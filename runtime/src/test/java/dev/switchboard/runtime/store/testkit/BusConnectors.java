package dev.switchboard.runtime.store.testkit;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.FlowExchange;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

/**
 * Test-only in-process pub/sub ({@code test.publish} / {@code test.subscribe}), shaped like
 * event.publish/subscribe: the subscriber gets a new exchange with the same event and the
 * publisher's run id ({@link FlowExchange#RUN_ID}), so lineage continues.
 */
public final class BusConnectors {
    private BusConnectors() {}

    static String topic(NodeContext node) {
        return "direct:test.bus." + node.config().requireString("topic");
    }

    public static final class Publish implements Connector {
        @Override
        public ConnectorSpec spec() {
            return ConnectorSpec.builder("test.publish", ConnectorKind.ACTION).title("Publish (tests)").outputs(PortSpec.out())
                    .properties(PropertySpec.builder("topic", PropertyType.STRING).required().build()).build();
        }

        @Override
        public void compile(NodeContext node) {
            String uri = topic(node);
            ProducerTemplate producer = node.camel().createProducerTemplate();
            node.emit(node.route().process(exchange -> {
                Exchange copy = new DefaultExchange(exchange.getContext());
                copy.getIn().setBody(exchange.getIn().getBody());
                copy.setProperty(FlowExchange.RUN_ID, exchange.getProperty(FlowExchange.RUN_ID));
                producer.send(uri, copy);
            }), PortSpec.OUT);
        }
    }

    public static final class Subscribe implements Connector {
        @Override
        public ConnectorSpec spec() {
            return ConnectorSpec.builder("test.subscribe", ConnectorKind.TRIGGER).title("Subscribe (tests)")
                    .properties(PropertySpec.builder("topic", PropertyType.STRING).required().build()).build();
        }

        @Override
        public void compile(NodeContext node) {
            node.emit(node.from(topic(node)), PortSpec.OUT);
        }
    }
}
