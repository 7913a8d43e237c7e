package dev.switchboard.connector.kafka;

import dev.switchboard.connector.support.ConnectionStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Shows whether a Kafka trigger can reach any of its bootstrap brokers. The Kafka client
 * reconnects on its own (with backoff) but only logs at a low level per attempt; this turns
 * reachability into one clear status line per change. Checks back off from 1 s to 30 s while
 * the brokers are down and run every 30 s while they are up.
 */
final class BrokerProbe extends RoutePolicySupport {
    private static final long MIN_DELAY_MS = 1_000;
    private static final long MAX_DELAY_MS = 30_000;

    private final String flowId;
    private final String nodeId;
    private final String brokers;
    private final List<InetSocketAddress> addresses;
    private ScheduledExecutorService executor;
    private long delayMs = MIN_DELAY_MS;

    BrokerProbe(String flowId, String nodeId, String brokers) {
        this.flowId = flowId;
        this.nodeId = nodeId;
        this.brokers = brokers;
        this.addresses = KafkaOptions.commaList(brokers).stream().map(BrokerProbe::address).toList();
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return InetSocketAddress.createUnresolved(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    @Override
    public synchronized void onStart(Route route) {
        ConnectionStatus.connecting(flowId, nodeId, "Kafka at " + brokers);
        executor = route.getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "kafka-probe-" + flowId + "-" + nodeId);
        executor.schedule(this::check, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void onStop(Route route) {
        if (executor != null) {
            route.getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
        ConnectionStatus.forget(flowId, nodeId);
    }

    @Override
    public void onRemove(Route route) {
        onStop(route);
    }

    private void check() {
        String failure = null;
        for (InetSocketAddress address : addresses) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), 1_000);
                failure = null;
                break;
            } catch (IOException e) {
                failure = address.getHostString() + ":" + address.getPort() + " (" + e.getMessage() + ")";
            }
        }
        long next;
        if (failure == null) {
            ConnectionStatus.up(flowId, nodeId, "connected to Kafka at " + brokers);
            delayMs = MIN_DELAY_MS;
            next = MAX_DELAY_MS;
        } else {
            ConnectionStatus.down(flowId, nodeId, "cannot reach Kafka at " + failure
                    + "; the consumer keeps reconnecting, next check in " + delayMs / 1000 + " s");
            next = delayMs;
            delayMs = Math.min(delayMs * 2, MAX_DELAY_MS);
        }
        synchronized (this) {
            if (executor != null && !executor.isShutdown()) {
                executor.schedule(this::check, next, TimeUnit.MILLISECONDS);
            }
        }
    }
}
