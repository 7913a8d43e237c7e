package dev.switchboard.runtime.cli;

import dev.switchboard.runtime.broker.DevBroker;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard broker}: an embedded ActiveMQ Artemis on this machine, so broker flows can be
 * tried without installing a broker. Runs until Ctrl-C.
 */
@Command(
        name = "broker",
        description = "Starts a local message broker (ActiveMQ Artemis) serving JMS, AMQP 1.0 and MQTT until stopped.")
final class BrokerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Address the broker listens on (default: ${DEFAULT-VALUE}: this machine only).")
    String host;

    @Option(
            names = "--jms-port",
            defaultValue = "61616",
            converter = OptionConverters.Port.class,
            description = "JMS (Artemis CORE) port (default: ${DEFAULT-VALUE}).")
    int jmsPort;

    @Option(
            names = "--amqp-port",
            defaultValue = "5672",
            converter = OptionConverters.Port.class,
            description = "AMQP 1.0 port (default: ${DEFAULT-VALUE}).")
    int amqpPort;

    @Option(
            names = "--mqtt-port",
            defaultValue = "1883",
            converter = OptionConverters.Port.class,
            description = "MQTT 3.1.1/5 port (default: ${DEFAULT-VALUE}).")
    int mqttPort;

    @Option(
            names = "--data",
            defaultValue = "data/broker",
            description = "Folder where messages are kept across restarts (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--in-memory", description = "Keep messages in memory only; nothing is written to disk.")
    boolean inMemory;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        DevBroker broker;
        try {
            broker = start();
        } catch (IllegalStateException e) {
            err.println("✗ " + e.getMessage());
            err.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            err.println("Stopping the broker…");
                            err.flush();
                            broker.close();
                            stopped.countDown();
                        },
                        "switchboard-broker-shutdown"));
        spec.commandLine().getOut().println("Press Ctrl-C to stop.");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    /** Starts the broker and prints where each protocol listens. */
    DevBroker start() throws Exception {
        return start(
                host,
                jmsPort,
                amqpPort,
                mqttPort,
                inMemory ? null : dataDir,
                spec.commandLine().getOut());
    }

    /**
     * Starts a dev broker (also used by {@code run --broker}); {@code dataDir} null keeps messages
     * in memory. A taken port fails with an {@link IllegalStateException} saying which and how to fix it.
     */
    static DevBroker start(String host, int jmsPort, int amqpPort, int mqttPort, Path dataDir, PrintWriter out)
            throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("jms", jmsPort);
        ports.put("amqp", amqpPort);
        ports.put("mqtt", mqttPort);
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            requireFree(host, port.getKey(), port.getValue());
        }
        DevBroker.Builder builder = DevBroker.builder()
                .host(host)
                // the JMS port speaks every protocol, like a stock Artemis 61616 acceptor
                .acceptor("jms", jmsPort, "CORE,AMQP,MQTT")
                .acceptor("amqp", amqpPort, "AMQP")
                .acceptor("mqtt", mqttPort, "MQTT");
        if (dataDir != null) {
            if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
                throw new IllegalStateException(
                        dataDir + " is a file, not a folder: the broker keeps its messages in a folder");
            }
            Files.createDirectories(dataDir);
            builder.dataDir(dataDir);
        }
        DevBroker broker = builder.start();
        out.println("Switchboard dev broker (ActiveMQ Artemis) is running; "
                + (dataDir == null ? "messages are kept in memory only." : "messages are kept in " + dataDir + "."));
        out.printf("  JMS   tcp://%s:%d    jms.consume / jms.send%n", host, jmsPort);
        out.printf("  AMQP  amqp://%s:%d    amqp.consume / amqp.send%n", host, amqpPort);
        out.printf("  MQTT  tcp://%s:%d    mqtt.subscribe / mqtt.publish%n", host, mqttPort);
        out.println("Failing messages are redelivered up to 10 times, then moved to the queue " + DevBroker.DEAD_LETTERS
                + ".");
        out.flush();
        return broker;
    }

    /** A taken port gives a clear message here instead of an Artemis stack trace. */
    private static void requireFree(String host, String protocol, int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The " + protocol.toUpperCase() + " port " + port + " on " + host
                            + " is already in use (another broker running?). Pick another with --" + protocol
                            + "-port.",
                    e);
        }
    }
}
