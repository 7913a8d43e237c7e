package dev.switchboard.runtime.e2e;

import dev.switchboard.runtime.broker.DevBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded Artemis broker for the whole test run, serving CORE (JMS), AMQP and MQTT on a
 * single loopback acceptor, in memory, security off. Started by the first class that uses it and
 * stopped when the run ends; test classes keep their destinations apart by name.
 */
public final class SharedArtemis implements BeforeAllCallback {
    private static volatile DevBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(
                        SharedArtemis.class.getName(), key -> new Running(start(freePort())), Running.class);
    }

    /** tcp://127.0.0.1:port, the URL JMS (CORE) and MQTT clients use. */
    public static String tcpUrl() {
        return "tcp://127.0.0.1:" + port();
    }

    public static String amqpUrl() {
        return "amqp://127.0.0.1:" + port();
    }

    public static int port() {
        return broker.port("all");
    }

    public static DevBroker broker() {
        return broker;
    }

    /**
     * A broker like the shared one on the given port; messages are redelivered without a limit so
     * a test can watch a failing message come back.
     */
    public static DevBroker start(int port) {
        try {
            return DevBroker.builder()
                    .acceptor("all", port, "CORE,AMQP,MQTT")
                    .maxDeliveryAttempts(-1)
                    .redeliveryDelay(Duration.ofMillis(100))
                    .start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test broker on port " + port, e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Running implements AutoCloseable {
        Running(DevBroker started) {
            broker = started;
        }

        @Override
        public void close() {
            broker.close();
        }
    }
}
