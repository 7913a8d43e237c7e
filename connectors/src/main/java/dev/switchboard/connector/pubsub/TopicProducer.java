package dev.switchboard.connector.pubsub;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.FlowExchange;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the exchange's event to every current subscriber of the topic, one after the other on
 * the publishing thread. Each gets its own copy (see {@link PublishedCopy}).
 */
final class TopicProducer extends DefaultProducer {
    private static final Logger LOG = LoggerFactory.getLogger(TopicProducer.class);

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
        Event copy = PublishedCopy.of(event, topic, publisher);
        List<TopicConsumer> subscribers = endpoint.registry().subscribers(topic);
        if (subscribers.isEmpty()) {
            LOG.debug("No subscriber for topic '{}'; event {} not delivered", topic, event.id());
            return;
        }
        String publisherRun = exchange.getProperty(FlowExchange.RUN_ID, String.class);
        for (TopicConsumer subscriber : subscribers) {
            subscriber.deliver(copy.deepCopy(), publisherRun);
        }
    }
}
