package dev.switchboard.runtime.policy;

import dev.switchboard.connector.rules.RuleSet;
import java.util.List;

/**
 * One routing policy: an event that matches {@code when} may be sent only to the listed hosts and
 * topics.
 *
 * @param hosts host patterns ({@code *.eu.example.com}) an HTTP send may go to; null: HTTP sends
 *     are not restricted by this rule, empty: none is allowed
 * @param topics topic patterns ({@code eu-*}) a topic send (Kafka, publish, JMS, AMQP, MQTT) may go
 *     to; null: not restricted, empty: none allowed
 */
public record RoutingRule(String name, RuleSet when, List<String> hosts, List<String> topics) {
    public RoutingRule {
        hosts = hosts == null ? null : List.copyOf(hosts);
        topics = topics == null ? null : List.copyOf(topics);
    }
}
