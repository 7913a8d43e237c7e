package dev.switchboard.connector.pubsub;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * Camel component {@code sbtopic:<topic>}: in-process publish/subscribe between flows. Consumers
 * (the {@code event.subscribe} triggers) join their topic when their route starts and leave when it
 * stops; a producer hands each current subscriber its own copy of the event. One instance, and so
 * one set of topics, per CamelContext.
 */
public final class TopicComponent extends DefaultComponent {
    public static final String SCHEME = "sbtopic";
    /** Header naming the topic to publish to; without it the endpoint's own topic is used. */
    public static final String TOPIC_HEADER = "SbTopic";
    /** Header naming the publishing flow, recorded on delivered copies. */
    public static final String PUBLISHER_HEADER = "SbTopicPublisher";

    private final TopicRegistry registry = new TopicRegistry();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("sbtopic needs a topic name: sbtopic:<topic>");
        }
        return new TopicEndpoint(uri, this, remaining);
    }

    TopicRegistry registry() {
        return registry;
    }
}
