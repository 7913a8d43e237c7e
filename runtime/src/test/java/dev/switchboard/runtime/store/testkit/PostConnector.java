package dev.switchboard.runtime.store.testkit;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Test-only action {@code test.post}: POSTs the event (CloudEvents JSON) to {@code url}; anything but 2xx fails the node. */
public final class PostConnector implements Connector {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public ConnectorSpec spec() {
        return ConnectorSpec.builder("test.post", ConnectorKind.ACTION)
                .title("Post (tests)")
                .outputs(PortSpec.out())
                .properties(PropertySpec.builder("url", PropertyType.STRING).required().build())
                .build();
    }

    @Override
    public void compile(NodeContext node) {
        URI url = URI.create(node.config().requireString("url"));
        node.emit(node.route().process(exchange -> {
            String body = Json.write(Json.toCloudEvent(exchange.getIn().getBody(Event.class)));
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/cloudevents+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("HTTP " + response.statusCode() + " from " + url);
            }
        }), PortSpec.OUT);
    }
}
