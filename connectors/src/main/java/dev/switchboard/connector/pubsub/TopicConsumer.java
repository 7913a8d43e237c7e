package dev.switchboard.connector.pubsub;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.FlowExchange;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A subscriber: registered with its topic while its route runs. */
final class TopicConsumer extends DefaultConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(TopicConsumer.class);

    private final TopicEndpoint endpoint;

    TopicConsumer(TopicEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        endpoint.registry().subscribe(endpoint.topic(), this);
    }

    @Override
    protected void doStop() throws Exception {
        endpoint.registry().unsubscribe(endpoint.topic(), this);
        super.doStop();
    }

    /**
     * Runs the subscriber's route with the event in a new exchange (its own run), on the caller's
     * thread. Never throws: a failing subscriber is logged and its run recorded as failed by the runtime.
     *
     * @return true when the subscriber's route finished without an error
     */
    boolean deliver(Event event) {
        return deliver(event, null);
    }

    /** @param publisherRunId the publishing run ({@link FlowExchange#RUN_ID}), so the runtime links the subscriber's run to it */
    boolean deliver(Event event, String publisherRunId) {
        if (!isRunAllowed()) {
            return false;
        }
        Exchange exchange = createExchange(false);
        exchange.getIn().setBody(event);
        if (publisherRunId != null) {
            exchange.setProperty(FlowExchange.RUN_ID, publisherRunId);
        }
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        Exception error = exchange.getException();
        try {
            if (error != null) {
                LOG.warn(
                        "Subscriber {} of topic '{}' failed on event {}: {}",
                        getRouteId(),
                        endpoint.topic(),
                        event.id(),
                        error.toString());
                return false;
            }
            return true;
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
