package dev.switchboard.runtime.store.testkit;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.support.Json;
import org.apache.camel.Exchange;

/**
 * Test-only push trigger {@code test.push}: a bare webhook on {@code path} that hands each POSTed
 * JSON body to the inbox and answers 202 once {@code accept} returned, as the real webhook does.
 */
public final class PushConnector implements Connector {
    @Override
    public ConnectorSpec spec() {
        return ConnectorSpec.builder("test.push", ConnectorKind.TRIGGER)
                .title("Push (tests)")
                .properties(PropertySpec.builder("path", PropertyType.STRING).required().build())
                .build();
    }

    @Override
    public void compile(NodeContext node) {
        String source = node.eventSource();
        node.accept(node.from("platform-http:" + node.config().requireString("path") + "?httpMethodRestrict=POST")
                        .process(exchange -> exchange.getIn().setBody(
                                Event.create(source, "dev.switchboard.test.pushed", Json.parse(exchange.getIn().getBody(String.class))))))
                .process(exchange -> {
                    String id = exchange.getIn().getBody(Event.class).id();
                    exchange.getMessage().removeHeaders("*");
                    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
                    exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                    exchange.getMessage().setBody("{\"id\":\"" + id + "\"}");
                });
    }
}
