package dev.switchboard.connector.mail;

import dev.switchboard.connector.spi.NodeStatus;
import dev.switchboard.connector.support.ConnectionProblems;
import java.time.Duration;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * Reports each poll of the mailbox to the node's {@link NodeStatus}: an unreachable server or refused
 * login gives one clear warning (not one stack trace per poll), and the next successful poll
 * clears it. A failed poll is simply tried again at the next interval.
 */
final class ReportingPollStrategy implements PollingConsumerPollStrategy {
    private final NodeStatus status;
    private final String target;
    private final Duration interval;

    ReportingPollStrategy(NodeStatus status, String target, Duration interval) {
        this.status = status;
        this.target = target;
        this.interval = interval;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        status.up("connected to " + target);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        status.down(ConnectionProblems.cannotConnect(target, cause, interval));
        return false;
    }
}
