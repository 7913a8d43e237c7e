package dev.switchboard.runtime.cluster;

import dev.switchboard.connector.pubsub.TopicComponent;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.PullTriggerGate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;

/**
 * {@code event.publish} / {@code event.subscribe} across a cluster. In cluster mode this component
 * takes the {@code sbtopic} scheme from the in-process {@link TopicComponent}, so both connectors
 * compile as they always do: a publish appends the event to the topic's own Kafka topic ({@link
 * KafkaPublisher}) and succeeds once Kafka acknowledged it; a subscriber consumes that Kafka topic in
 * its own consumer group ({@link KafkaSubscriber}), one group per subscribing node, so every
 * subscriber flow gets each event once, whichever runtimes run it. Names: {@link PubSubNames}.
 */
public final class KafkaPubSub extends DefaultComponent {
    private final KafkaInbox inbox;
    private final Engine engine;
    private final PubSubNames names;
    private final Set<String> createdTopics = ConcurrentHashMap.newKeySet();
    private final Set<KafkaSubscriber> running = ConcurrentHashMap.newKeySet();

    private KafkaPubSub(KafkaInbox inbox, Engine engine) {
        this.inbox = inbox;
        this.engine = engine;
        this.names = new PubSubNames(inbox.options());
    }

    /**
     * Puts publish/subscribe of {@code engine} on Kafka; call before any flow deploys. Returns the
     * gate for the engine's pull triggers: {@code leases}, except that subscribers start at once in
     * every runtime (their consumer group already gives each event to one runtime).
     */
    public static PullTriggerGate install(Engine engine, KafkaInbox inbox, PullTriggerGate leases) {
        CamelContext camel = engine.camel();
        camel.removeComponent(TopicComponent.SCHEME);
        camel.addComponent(TopicComponent.SCHEME, new KafkaPubSub(inbox, engine));
        return new SubscribersUngated(camel, leases);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("sbtopic needs a topic name: sbtopic:<topic>");
        }
        return new TopicEndpoint(uri, this, remaining);
    }

    KafkaInbox inbox() {
        return inbox;
    }

    PubSubNames names() {
        return names;
    }

    /** Whether the runtime is shutting down (what has not run yet is left to another runtime). */
    boolean closing() {
        return engine.isClosing();
    }

    void running(KafkaSubscriber subscriber, boolean now) {
        if (now) {
            running.add(subscriber);
        } else {
            running.remove(subscriber);
        }
    }

    /**
     * For {@code /health/ready}: the subscribers running in this runtime, each with the partitions of
     * its topic it consumes and their lag, e.g. {@code billing:sub: partitions 0 (lag 0), 2}.
     */
    public List<String> subscribers() {
        return running.stream().map(KafkaSubscriber::describe).sorted().toList();
    }

    /** This engine's publish/subscribe on Kafka, when {@link #install} put it there. */
    public static Optional<KafkaPubSub> of(Engine engine) {
        return engine.camel().getComponent(TopicComponent.SCHEME, false, false) instanceof KafkaPubSub pubSub
                ? Optional.of(pubSub)
                : Optional.empty();
    }

    /** Creates the Kafka topic unless this runtime created or found it before. */
    void ensureTopic(String kafkaTopic) {
        if (!createdTopics.contains(kafkaTopic)) {
            inbox.ensureTopic(kafkaTopic, "publish/subscribe");
            createdTopics.add(kafkaTopic);
        }
    }

    /** {@code sbtopic:<topic>} in cluster mode: subscribe by consuming from it, publish by sending to it. */
    static final class TopicEndpoint extends DefaultEndpoint implements MultipleConsumersSupport {
        private final String topic;

        TopicEndpoint(String uri, KafkaPubSub component, String topic) {
            super(uri, component);
            this.topic = topic;
        }

        String topic() {
            return topic;
        }

        KafkaPubSub pubSub() {
            return (KafkaPubSub) getComponent();
        }

        @Override
        public Producer createProducer() {
            return new KafkaPublisher(this);
        }

        @Override
        public Consumer createConsumer(Processor processor) throws Exception {
            KafkaSubscriber consumer = new KafkaSubscriber(this, processor);
            configureConsumer(consumer);
            return consumer;
        }

        /** Every subscribing flow of this runtime has its own consumer (and group) on the same topic. */
        @Override
        public boolean isMultipleConsumersSupported() {
            return true;
        }

        @Override
        public boolean isSingleton() {
            return true;
        }
    }
}
