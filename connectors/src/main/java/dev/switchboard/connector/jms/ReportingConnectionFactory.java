package dev.switchboard.connector.jms;

import dev.switchboard.connector.support.ConnectionProblems;
import dev.switchboard.connector.support.ConnectionStatus;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import java.time.Duration;

/**
 * Wraps a consumer's connection factory so every (re)connect attempt of the listener container
 * updates the node's {@link ConnectionStatus}: Spring's container retries on its own, this makes
 * its attempts visible.
 */
final class ReportingConnectionFactory implements ConnectionFactory {
    private final ConnectionFactory delegate;
    private final String flowId;
    private final String nodeId;
    private final String target;
    private final Duration retryEvery;

    ReportingConnectionFactory(ConnectionFactory delegate, String flowId, String nodeId, String target, Duration retryEvery) {
        this.delegate = delegate;
        this.flowId = flowId;
        this.nodeId = nodeId;
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
            ConnectionStatus.up(flowId, nodeId, "connected to " + target);
            return connection;
        } catch (JMSException | RuntimeException e) {
            ConnectionStatus.down(flowId, nodeId, ConnectionProblems.cannotConnect(target, e, retryEvery));
            throw e;
        }
    }
}
