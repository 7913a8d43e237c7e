package dev.switchboard.runtime.cluster;

import dev.switchboard.connector.pubsub.PublishedCopy;
import dev.switchboard.connector.pubsub.TopicComponent;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.FlowExchange;
import dev.switchboard.connector.support.Json;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code event.publish} in cluster mode: appends the copy subscribers get ({@link PublishedCopy}) to
 * the topic's Kafka topic with the runtime's idempotent {@code acks=all} producer, and returns only
 * once Kafka acknowledged it — so the publishing step succeeds only for an event every subscriber
 * group will read. The record key is the publishing flow's event-log key (flow id, plus its
 * {@code settings.orderingKey} value), so one key's events reach subscribers in publish order; the
 * publishing run's id travels in a header, so a subscriber's run links to it (lineage).
 */
final class KafkaPublisher extends DefaultProducer {
    /** Header naming the run that published the record. */
    static final String PUBLISHER_RUN_HEADER = "sb-publisher-run";

    private final KafkaPubSub.TopicEndpoint endpoint;

    KafkaPublisher(KafkaPubSub.TopicEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        String topic = exchange.getIn().getHeader(TopicComponent.TOPIC_HEADER, endpoint.topic(), String.class);
        String publisher = exchange.getIn().getHeader(TopicComponent.PUBLISHER_HEADER, "", String.class);
        Event event = exchange.getIn().getBody(Event.class);
        if (event == null) {
            throw new IllegalArgumentException("sbtopic:" + topic + " publishes events; the body is "
                    + exchange.getIn().getBody());
        }
        Event copy = PublishedCopy.of(event, topic, publisher);
        KafkaPubSub pubSub = endpoint.pubSub();
        String kafkaTopic = pubSub.names().kafkaTopic(topic);
        pubSub.ensureTopic(kafkaTopic);
        String key = publisher.isEmpty() ? topic : pubSub.inbox().partitionKey(publisher, event);
        ProducerRecord<String, String> record =
                new ProducerRecord<>(kafkaTopic, key, Json.write(Json.toCloudEvent(copy)));
        String run = exchange.getProperty(FlowExchange.RUN_ID, String.class);
        if (run != null) {
            record.headers().add(PUBLISHER_RUN_HEADER, run.getBytes(StandardCharsets.UTF_8));
        }
        pubSub.inbox().sendAcknowledged(record);
    }
}
