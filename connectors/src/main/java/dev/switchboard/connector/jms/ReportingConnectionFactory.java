package dev.switchboard.connector.jms;

import dev.switchboard.connector.spi.NodeStatus;
import dev.switchboard.connector.support.ConnectionProblems;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import java.time.Duration;

/**
 * Wraps a consumer's connection factory so every (re)connect attempt of the listener container
 * updates the node's {@link NodeStatus}: Spring's container retries on its own, this makes
 * its attempts visible.
 */
final class ReportingConnectionFactory implements ConnectionFactory {
    private final ConnectionFactory delegate;
    private final NodeStatus status;
    private final String target;
    private final Duration retryEvery;

    ReportingConnectionFactory(ConnectionFactory delegate, NodeStatus status, String target, Duration retryEvery) {
        this.delegate = delegate;
        this.status = status;
        this.target = target;
        this.retryEvery = retryEvery;
    }

    @Override
    public Connection createConnection() throws JMSException {
        return reported(delegate::createConnection);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return reported(() -> delegate.createConnection(userName, password));
    }

    @Override
    public JMSContext createContext() {
        return delegate.createContext();
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return delegate.createContext(userName, password);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return delegate.createContext(userName, password, sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return delegate.createContext(sessionMode);
    }

    private interface Connect {
        Connection get() throws JMSException;
    }

    private Connection reported(Connect connect) throws JMSException {
        try {
            Connection connection = connect.get();
            status.up("connected to " + target);
            return connection;
        } catch (JMSException | RuntimeException e) {
            status.down(ConnectionProblems.cannotConnect(target, e, retryEvery));
            throw e;
        }
    }
}
