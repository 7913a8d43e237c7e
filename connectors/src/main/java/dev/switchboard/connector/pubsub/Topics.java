package dev.switchboard.connector.pubsub;

import java.util.regex.Pattern;

/** What a topic name may look like: it appears in endpoint URIs and Kafka topic names, so plain characters only. */
public final class Topics {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    private Topics() {}

    /** Why {@code topic} is not a usable topic name, or null when it is. */
    public static String problem(String topic) {
        if (topic == null || topic.isBlank()) {
            return "Name the topic, e.g. orders.created";
        }
        if (!NAME.matcher(topic).matches()) {
            return "'" + topic
                    + "' is not a topic name: use letters, digits and . _ / - (starting with a letter or digit)";
        }
        return null;
    }
}
