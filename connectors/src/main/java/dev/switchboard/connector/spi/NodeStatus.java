package dev.switchboard.connector.spi;

/**
 * Whether a node can reach the server it depends on (broker, database, mailbox), as the designer
 * and the logs show it. A node gets its own from {@link NodeContext#status()}; the runtime keeps
 * it per engine and forgets it when the node's route is removed. A change is logged once as a
 * status line; a repeated failure only at debug, so an unreachable server does not flood the log.
 */
public interface NodeStatus {

    /** Trying to reach {@code target} for the first time (e.g. "MQTT broker tcp://h:1883"). */
    void connecting(String target);

    /** @param message what the node is connected to, e.g. "connected to Kafka at h:9092" */
    void up(String message);

    /** @param message why the node cannot work and when it tries again */
    void down(String message);
}
