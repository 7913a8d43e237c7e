package dev.switchboard.connector.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sbtopic component on a bare CamelContext: found by its scheme, subscribers join and leave with their routes. */
class TopicComponentTest {
    static CamelContext camel;
    static ProducerTemplate producer;
    static final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler()); // the failure is expected; keep the log to the subscriber's warning
                from("sbtopic:t")
                        .routeId("a")
                        .process(e -> received.add(
                                "a:" + e.getIn().getBody(Event.class).id()));
                from("sbtopic:t").routeId("b").process(e -> {
                    throw new IllegalStateException("b is broken");
                });
                from("sbtopic:t")
                        .routeId("c")
                        .process(e -> received.add(
                                "c:" + e.getIn().getBody(Event.class).id()));
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterAll
    static void stop() throws Exception {
        producer.close();
        camel.stop();
    }

    @Test
    void deliversToEveryRunningSubscriberDespiteOneFailingAndStopsWhenARouteStops() throws Exception {
        Event first = Event.create("/t", "t", Json.parse("{}"));
        producer.sendBody("sbtopic:t", first);
        assertThat(received).containsExactly("a:" + first.id(), "c:" + first.id());

        camel.getRouteController().stopRoute("a");
        Event second = Event.create("/t", "t", Json.parse("{}"));
        producer.sendBody("sbtopic:t", second);
        assertThat(received).containsExactly("a:" + first.id(), "c:" + first.id(), "c:" + second.id());

        camel.getRouteController().startRoute("a");
        Event third = Event.create("/t", "t", Json.parse("{}"));
        producer.sendBodyAndHeader("sbtopic:other", third, TopicComponent.TOPIC_HEADER, "t");
        assertThat(received).endsWith("c:" + third.id(), "a:" + third.id());
    }
}
