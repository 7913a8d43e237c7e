package dev.switchboard.connector.mail;

import dev.switchboard.connector.support.ConnectionProblems;
import dev.switchboard.connector.support.ConnectionStatus;
import java.time.Duration;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * Reports each poll of the mailbox to {@link ConnectionStatus}: an unreachable server or refused
 * login gives one clear warning (not one stack trace per poll), and the next successful poll
 * clears it. A failed poll is simply tried again at the next interval.
 */
final class ReportingPollStrategy implements PollingConsumerPollStrategy {
    private final String flowId;
    private final String nodeId;
    private final String target;
    private final Duration interval;

    ReportingPollStrategy(String flowId, String nodeId, String target, Duration interval) {
        this.flowId = flowId;
        this.nodeId = nodeId;
        this.target = target;
        this.interval = interval;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        ConnectionStatus.up(flowId, nodeId, "connected to " + target);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        ConnectionStatus.down(flowId, nodeId, ConnectionProblems.cannotConnect(target, cause, interval));
        return false;
    }
}
