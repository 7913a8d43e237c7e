package dev.switchboard.connector.jms;

import jakarta.jms.ConnectionFactory;

/**
 * What differs between the JMS-API connectors: the Camel component, the client library that
 * makes connections, and the names users see. JMS speaks Artemis CORE; AMQP 1.0 goes through
 * Qpid JMS. Everything else (transactions, mapping, reconnects) is shared in {@link JmsRoutes}.
 */
public interface JmsProtocol {

    /** Camel component scheme: {@code jms} or {@code amqp}. */
    String scheme();

    /** Name in log lines and help: "JMS", "AMQP". */
    String label();

    /** CloudEvents type of a received message. */
    String eventType();

    /** A fresh connection factory; user and password may be null. */
    ConnectionFactory connectionFactory(String brokerUrl, String user, String password);

    /** Artemis CORE over the Artemis JMS client. */
    JmsProtocol ARTEMIS = new JmsProtocol() {
        @Override
        public String scheme() {
            return "jms";
        }

        @Override
        public String label() {
            return "JMS";
        }

        @Override
        public String eventType() {
            return "dev.switchboard.jms.message";
        }

        @Override
        public ConnectionFactory connectionFactory(String brokerUrl, String user, String password) {
            return new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(brokerUrl, user, password);
        }
    };
}
