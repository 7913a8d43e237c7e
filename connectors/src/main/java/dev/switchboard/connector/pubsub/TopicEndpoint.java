package dev.switchboard.connector.pubsub;

import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** {@code sbtopic:<topic>}: subscribe by consuming from it, publish by sending to it. */
final class TopicEndpoint extends DefaultEndpoint implements MultipleConsumersSupport {
    private final String topic;

    TopicEndpoint(String uri, TopicComponent component, String topic) {
        super(uri, component);
        this.topic = topic;
    }

    String topic() {
        return topic;
    }

    TopicRegistry registry() {
        return ((TopicComponent) getComponent()).registry();
    }

    @Override
    public Producer createProducer() {
        return new TopicProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        TopicConsumer consumer = new TopicConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Every subscribing flow has its own consumer on the same topic. */
    @Override
    public boolean isMultipleConsumersSupported() {
        return true;
    }

    @Override
    public boolean isSingleton() {
        return true;
    }
}
