package dev.switchboard.connector.kafka;

import dev.switchboard.connector.spi.NodeStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

/**
 * Shows whether a Kafka trigger can reach any of its bootstrap brokers. The Kafka client
 * reconnects on its own (with backoff) but only logs at a low level per attempt; this turns
 * reachability into one clear status line per change. The runtime runs {@link #check} while the
 * trigger's route runs: it backs off from 1 s to 30 s while the brokers are down and runs every
 * 30 s while they are up.
 */
final class BrokerProbe {
    private static final Duration MIN_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final NodeStatus status;
    private final String brokers;
    private final List<InetSocketAddress> addresses;
    private Duration delay = MIN_DELAY;

    BrokerProbe(NodeStatus status, String brokers) {
        this.status = status;
        this.brokers = brokers;
        this.addresses = KafkaOptions.commaList(brokers).stream()
                .map(BrokerProbe::address)
                .toList();
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return InetSocketAddress.createUnresolved(
                hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** Tries the brokers in turn and reports; returns when to check again. */
    synchronized Duration check() {
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
        if (failure == null) {
            status.up("connected to Kafka at " + brokers);
            delay = MIN_DELAY;
            return MAX_DELAY;
        }
        status.down("cannot reach Kafka at " + failure + "; the consumer keeps reconnecting, next check in "
                + delay.toSeconds() + " s");
        Duration next = delay;
        delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
        return next;
    }
}
