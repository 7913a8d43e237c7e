package dev.switchboard.connector.amqp;

import dev.switchboard.connector.jms.JmsProtocol;
import jakarta.jms.ConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;

/** AMQP 1.0 through the Qpid JMS client and Camel's amqp component. */
final class AmqpProtocol implements JmsProtocol {
    static final AmqpProtocol INSTANCE = new AmqpProtocol();
    static final String DEFAULT_URL = "amqp://localhost:5672";

    @Override
    public String scheme() {
        return "amqp";
    }

    @Override
    public String label() {
        return "AMQP";
    }

    @Override
    public String eventType() {
        return "dev.switchboard.amqp.message";
    }

    @Override
    public ConnectionFactory connectionFactory(String brokerUrl, String user, String password) {
        JmsConnectionFactory factory = new JmsConnectionFactory(brokerUrl);
        if (user != null) {
            factory.setUsername(user);
        }
        if (password != null) {
            factory.setPassword(password);
        }
        return factory;
    }
}
