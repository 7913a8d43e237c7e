package dev.switchboard.connector.support;

import dev.switchboard.connector.spi.Event;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.model.ProcessorDefinition;

/**
 * Sends a message made from the event to a Camel endpoint, then puts the event back: the message
 * replaces body and headers only for the send, and the flow goes on with the unchanged event.
 * Actions that hand the event on after a fire-and-forget send (brokers, mail) share it.
 */
public final class SendThenRestore {
    private static final String KEPT_EVENT = "sb.send.event";
    private static final String KEPT_PATTERN = "sb.send.pattern";

    /** Fills the outgoing message (body, headers) from the event; its headers start empty. */
    @FunctionalInterface
    public interface MessageMaker {
        void make(Event event, Message message) throws Exception;
    }

    private SendThenRestore() {}

    /** Appends "make the message, send it to {@code uri}, restore the event" to {@code at}. */
    public static ProcessorDefinition<?> send(ProcessorDefinition<?> at, String uri, MessageMaker maker) {
        return at.process(exchange -> {
                    Event event = exchange.getIn().getBody(Event.class);
                    exchange.setProperty(KEPT_EVENT, event);
                    exchange.setProperty(KEPT_PATTERN, exchange.getPattern());
                    // fire and forget: a send never waits for a reply
                    exchange.setPattern(ExchangePattern.InOnly);
                    // the event's headers would otherwise go out as message properties or mail headers
                    exchange.getIn().removeHeaders("*");
                    try {
                        maker.make(event, exchange.getIn());
                    } catch (Exception e) {
                        // nothing was sent: the failed exchange carries the event, as it came in
                        restore(exchange);
                        throw e;
                    }
                })
                .to(uri)
                .process(SendThenRestore::restore);
    }

    private static void restore(Exchange exchange) {
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setBody(exchange.getProperty(KEPT_EVENT, Event.class));
        exchange.setPattern(exchange.getProperty(KEPT_PATTERN, ExchangePattern.class));
        exchange.removeProperty(KEPT_EVENT);
        exchange.removeProperty(KEPT_PATTERN);
    }
}
