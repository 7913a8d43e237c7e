package dev.switchboard.connector.jms;

import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.support.MessageEvents;

/** The property specs JMS and AMQP nodes share; only the broker URL's default differs. */
public final class JmsProperties {
    public static final String BROKER_URL = "brokerUrl";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String DESTINATION_TYPE = "destinationType";
    public static final String DESTINATION = "destination";
    public static final String SELECTOR = "selector";
    public static final String RECONNECT_INTERVAL = "reconnectInterval";
    public static final String CONCURRENT_CONSUMERS = "concurrentConsumers";
    public static final String BODY = "body";
    public static final String HEADERS = "headers";
    public static final String PERSISTENT = "persistent";

    private JmsProperties() {}

    public static PropertySpec brokerUrl(String defaultUrl, String description) {
        return PropertySpec.builder(BROKER_URL, PropertyType.STRING)
                .title("Broker URL")
                .required()
                .defaultValue(defaultUrl)
                .placeholder(defaultUrl)
                .description(description)
                .build();
    }

    public static PropertySpec username() {
        return PropertySpec.builder(USERNAME, PropertyType.STRING)
                .title("Username")
                .description("Leave empty when the broker allows anonymous connections.")
                .build();
    }

    public static PropertySpec password() {
        return PropertySpec.builder(PASSWORD, PropertyType.SECRET)
                .title("Password")
                .placeholder("{{secret:BROKER_PASSWORD}}")
                .description("A secret reference; never the password itself.")
                .build();
    }

    public static PropertySpec destinationType() {
        return PropertySpec.builder(DESTINATION_TYPE, PropertyType.ENUM)
                .title("Destination type")
                .options("queue", "topic")
                .defaultValue("queue")
                .description("queue: each message goes to one consumer. topic: every subscriber gets a copy.")
                .build();
    }

    public static PropertySpec destination() {
        return PropertySpec.builder(DESTINATION, PropertyType.STRING)
                .title("Destination")
                .required()
                .placeholder("orders")
                .description("The queue or topic name.")
                .build();
    }

    public static PropertySpec selector() {
        return PropertySpec.builder(SELECTOR, PropertyType.STRING)
                .title("Message selector")
                .placeholder("region = 'EU'")
                .description("Optional JMS selector over message properties; only matching messages are consumed.")
                .build();
    }

    public static PropertySpec reconnectInterval() {
        return PropertySpec.builder(RECONNECT_INTERVAL, PropertyType.DURATION)
                .title("Reconnect every")
                .defaultValue("5s")
                .description("How long to wait between attempts while the broker is unreachable.")
                .build();
    }

    public static PropertySpec concurrentConsumers() {
        return PropertySpec.builder(CONCURRENT_CONSUMERS, PropertyType.INTEGER)
                .title("Concurrent consumers")
                .defaultValue(1)
                .description("Messages processed in parallel. 1 keeps the queue's order.")
                .build();
    }

    public static PropertySpec body() {
        return PropertySpec.builder(BODY, PropertyType.ENUM)
                .title("Message body")
                .options(MessageEvents.BODY_DATA, MessageEvents.BODY_CLOUDEVENT)
                .defaultValue(MessageEvents.BODY_DATA)
                .description("data: the event's data as JSON. cloudevent: the whole CloudEvent (structured JSON), "
                        + "so a Switchboard consumer gets the same event id, source and type.")
                .build();
    }

    public static PropertySpec headers(String title) {
        return PropertySpec.builder(HEADERS, PropertyType.KEY_VALUE)
                .title(title)
                .description("Message properties; values are templates such as {{data.region}}.")
                .build();
    }

    public static PropertySpec persistent() {
        return PropertySpec.builder(PERSISTENT, PropertyType.BOOLEAN)
                .title("Persistent")
                .defaultValue(true)
                .description("Persistent messages survive a broker restart.")
                .build();
    }
}
