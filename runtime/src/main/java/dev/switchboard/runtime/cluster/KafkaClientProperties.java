package dev.switchboard.runtime.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * Client properties the cluster's own Kafka clients (producer, consumer, admin) get on top of
 * what Switchboard sets itself: security (TLS, SASL) and tuning. Values are resolved, so they may
 * hold passwords: {@link #toString()} and {@link #describe()} never show a value Kafka declares a
 * password ({@code sasl.jaas.config}, {@code ssl.*.password}, key material).
 */
public final class KafkaClientProperties {
    public static final KafkaClientProperties NONE = new KafkaClientProperties(Map.of());

    /** Which client a property is meant for: each client gets only the properties it knows, so none warns. */
    enum Client {
        PRODUCER(ProducerConfig.configNames()),
        CONSUMER(ConsumerConfig.configNames()),
        ADMIN(AdminClientConfig.configNames());

        private final Set<String> names;

        Client(Set<String> names) {
            this.names = names;
        }

        boolean knows(String property) {
            return names.contains(property);
        }
    }

    private final Map<String, String> values;

    KafkaClientProperties(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Whether some client knows the property. */
    static boolean known(String property) {
        for (Client client : Client.values()) {
            if (client.knows(property)) {
                return true;
            }
        }
        return false;
    }

    /** Whether Kafka declares the property a password: its value never appears in a log line or message. */
    public static boolean secret(String property) {
        for (ConfigDef def :
                new ConfigDef[] {ProducerConfig.configDef(), ConsumerConfig.configDef(), AdminClientConfig.configDef()
                }) {
            ConfigDef.ConfigKey key = def.configKeys().get(property);
            if (key != null) {
                return key.type == ConfigDef.Type.PASSWORD;
            }
        }
        return false;
    }

    /** Adds the properties {@code client} knows to {@code config}. */
    void applyTo(Properties config, Client client) {
        values.forEach((key, value) -> {
            if (client.knows(key)) {
                config.put(key, value);
            }
        });
    }

    /** The properties in order of their names, passwords as {@code [hidden]}. */
    public Map<String, String> redacted() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((key, value) -> shown.put(key, secret(key) ? "[hidden]" : value));
        return shown;
    }

    /** How the clients connect, for the start-up log: protocol and SASL mechanism, never a credential. */
    public String describe() {
        String protocol = values.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("security", protocol);
        if (values.containsKey(SaslConfigs.SASL_MECHANISM)) {
            parts.put("SASL", values.get(SaslConfigs.SASL_MECHANISM));
        }
        if (values.containsKey(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG)) {
            parts.put("truststore", values.get(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG));
        }
        if (values.containsKey(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG)) {
            parts.put("keystore", values.get(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG));
        }
        return parts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** Whether there is nothing beyond what Switchboard sets itself. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public String toString() {
        return redacted().toString();
    }
}
