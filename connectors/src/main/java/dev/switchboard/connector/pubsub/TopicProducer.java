package dev.switchboard.connector.pubsub;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.FlowExchange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the exchange's event to every current subscriber of the topic, one after the other on
 * the publishing thread. Each gets its own copy (same id, so lineage continues) stamped with the
 * topic, the publishing flow and the number of topics it has passed.
 */
final class TopicProducer extends DefaultProducer {
    private static final Logger LOG = LoggerFactory.getLogger(TopicProducer.class);
    /** Extension attributes added to delivered copies (CloudEvents names: lower-case letters and digits). */
    static final String TOPIC_ATTRIBUTE = "sbtopic";

    static final String PUBLISHER_ATTRIBUTE = "sbpublisher";
    static final String HOPS_ATTRIBUTE = "sbhops";
    /** A flow subscribed, directly or not, to what it publishes would otherwise publish forever. */
    static final int MAX_HOPS = 8;

    private final TopicEndpoint endpoint;

    TopicProducer(TopicEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) {
        String topic = exchange.getIn().getHeader(TopicComponent.TOPIC_HEADER, endpoint.topic(), String.class);
        String publisher = exchange.getIn().getHeader(TopicComponent.PUBLISHER_HEADER, "", String.class);
        Event event = exchange.getIn().getBody(Event.class);
        if (event == null) {
            throw new IllegalArgumentException("sbtopic:" + topic + " publishes events; the body is "
                    + exchange.getIn().getBody());
        }
        int hops = hops(event) + 1;
        if (hops > MAX_HOPS) {
            throw new IllegalStateException("Event " + event.id() + " was published " + MAX_HOPS
                    + " times in a row (last to topic '" + topic + "'); is a flow subscribed to what it publishes?");
        }
        List<TopicConsumer> subscribers = endpoint.registry().subscribers(topic);
        if (subscribers.isEmpty()) {
            LOG.debug("No subscriber for topic '{}'; event {} not delivered", topic, event.id());
            return;
        }
        Map<String, String> extensions = new HashMap<>(event.extensions());
        extensions.put(TOPIC_ATTRIBUTE, topic);
        extensions.put(HOPS_ATTRIBUTE, Integer.toString(hops));
        if (!publisher.isEmpty()) {
            extensions.put(PUBLISHER_ATTRIBUTE, publisher);
        }
        String publisherRun = exchange.getProperty(FlowExchange.RUN_ID, String.class);
        for (TopicConsumer subscriber : subscribers) {
            subscriber.deliver(
                    new Event(
                            event.id(),
                            event.source(),
                            event.type(),
                            event.time(),
                            event.subject(),
                            event.dataContentType(),
                            event.data().deepCopy(),
                            extensions),
                    publisherRun);
        }
    }

    private static int hops(Event event) {
        try {
            return Integer.parseInt(event.extensions().getOrDefault(HOPS_ATTRIBUTE, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
