package dev.switchboard.runtime.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An embedded ActiveMQ Artemis broker for trying broker flows without installing one, and for
 * tests: JMS (CORE), AMQP 1.0 and MQTT 3/5 on loopback, security off, no clustering, no JMX.
 * With a data folder, messages survive restarts; without one the broker keeps them in memory.
 */
public final class DevBroker implements AutoCloseable {
    public static final String DEAD_LETTERS = "DLQ";
    public static final String EXPIRED = "ExpiryQueue";

    private final EmbeddedActiveMQ server;
    private final Map<String, Integer> ports;

    private DevBroker(EmbeddedActiveMQ server, Map<String, Integer> ports) {
        this.server = server;
        this.ports = Map.copyOf(ports);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port of a named acceptor. */
    public int port(String acceptor) {
        Integer port = ports.get(acceptor);
        if (port == null) {
            throw new IllegalArgumentException("No acceptor '" + acceptor + "'; have " + ports.keySet());
        }
        return port;
    }

    public boolean isStarted() {
        return server.getActiveMQServer() != null && server.getActiveMQServer().isStarted();
    }

    /** Messages waiting in a queue (0 when the queue does not exist). */
    public long messageCount(String queue) {
        var binding = server.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return binding == null ? 0 : binding.getMessageCount();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The broker did not stop cleanly: " + e.getMessage(), e);
        }
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private final Map<String, String> acceptors = new LinkedHashMap<>();
        private final Map<String, Integer> ports = new LinkedHashMap<>();
        private Path dataDir;
        private int maxDeliveryAttempts = 10;
        private Duration redeliveryDelay = Duration.ofSeconds(1);

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** An acceptor serving the given protocols, e.g. {@code "CORE,AMQP,MQTT"}. */
        public Builder acceptor(String name, int port, String protocols) {
            acceptors.put(name, protocols);
            ports.put(name, port);
            return this;
        }

        /** Where messages are kept across restarts; null keeps them in memory only. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Deliveries before a failing message moves to {@value #DEAD_LETTERS}; -1 for no limit. */
        public Builder maxDeliveryAttempts(int attempts) {
            this.maxDeliveryAttempts = attempts;
            return this;
        }

        public Builder redeliveryDelay(Duration delay) {
            this.redeliveryDelay = delay;
            return this;
        }

        public DevBroker start() throws Exception {
            if (acceptors.isEmpty()) {
                throw new IllegalStateException("A broker needs at least one acceptor");
            }
            Configuration config = new ConfigurationImpl();
            config.setName("switchboard-dev-broker");
            config.setSecurityEnabled(false);
            config.setJMXManagementEnabled(false);
            config.setPersistenceEnabled(dataDir != null);
            if (dataDir != null) {
                config.setJournalDirectory(dataDir.resolve("journal").toString());
                config.setBindingsDirectory(dataDir.resolve("bindings").toString());
                config.setLargeMessagesDirectory(
                        dataDir.resolve("large-messages").toString());
                config.setPagingDirectory(dataDir.resolve("paging").toString());
                config.setNodeManagerLockDirectory(dataDir.toString());
                // a dev broker carries little: small journal files start fast and keep ./data small
                config.setJournalType(JournalType.NIO);
                config.setJournalFileSize(1024 * 1024);
                config.setJournalMinFiles(2);
                config.setJournalPoolFiles(4);
            }
            for (Map.Entry<String, String> acceptor : acceptors.entrySet()) {
                config.addAcceptorConfiguration(
                        acceptor.getKey(),
                        "tcp://" + host + ":" + ports.get(acceptor.getKey()) + "?protocols=" + acceptor.getValue());
            }
            config.addAddressSetting(
                    "#",
                    new AddressSettings()
                            .setAutoCreateQueues(true)
                            .setAutoCreateAddresses(true)
                            .setDeadLetterAddress(SimpleString.of(DEAD_LETTERS))
                            .setExpiryAddress(SimpleString.of(EXPIRED))
                            .setAutoCreateDeadLetterResources(true)
                            .setAutoCreateExpiryResources(true)
                            .setMaxDeliveryAttempts(maxDeliveryAttempts)
                            .setRedeliveryDelay(redeliveryDelay.toMillis()));
            // Artemis logs every connection and session at INFO through its audit loggers; logback.xml
            // keeps org.apache.activemq at WARN so a dev broker's console shows flows, not that
            EmbeddedActiveMQ server = new EmbeddedActiveMQ();
            server.setConfiguration(config);
            server.start();
            return new DevBroker(server, ports);
        }
    }
}
