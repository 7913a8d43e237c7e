package dev.switchboard.connector.spi;

import java.util.Objects;

/**
 * Where an action sends each event, for the runtime's central policies (routing rules that allow
 * only some hosts or topics, masking for named destinations). The connector says only which of its
 * properties names the destination; the runtime renders it for each event before the action runs
 * and blocks the send when a policy forbids it, so a connector needs no policy code of its own.
 *
 * @param kind {@link Kind#URL} (an HTTP address: the policy looks at its host) or {@link Kind#TOPIC}
 * @param scheme for a topic, what kind of topic, as policies name it ({@code kafka}, {@code topic}
 *     for {@code event.publish}, {@code jms}, {@code amqp}, {@code mqtt}); {@code http} for a URL
 * @param template the destination as configured: a URL or topic, possibly a template such as
 *     {@code orders-{{data.region}}} that the runtime renders for each event
 */
public record Destination(Kind kind, String scheme, String template) {
    public enum Kind {
        URL,
        TOPIC
    }

    public Destination {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(template, "template");
    }

    public static Destination url(String template) {
        return new Destination(Kind.URL, "http", template);
    }

    public static Destination topic(String scheme, String template) {
        return new Destination(Kind.TOPIC, scheme, template);
    }
}
