package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.broker.DevBroker;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BrokerCommandTest {
    @TempDir
    Path dir;

    @Test
    void brokerServesJmsAmqpAndMqttOnThePrintedPorts() throws Exception {
        int jms = freePort();
        int amqp = freePort();
        int mqtt = freePort();
        StringWriter out = new StringWriter();
        CommandLine cli = SwitchboardCli.commandLine();
        cli.setOut(new PrintWriter(out));
        CommandLine.ParseResult parsed = cli.parseArgs(
                "broker",
                "--jms-port",
                "" + jms,
                "--amqp-port",
                "" + amqp,
                "--mqtt-port",
                "" + mqtt,
                "--in-memory",
                "--data",
                dir.resolve("broker").toString());
        BrokerCommand command =
                (BrokerCommand) parsed.subcommand().commandSpec().userObject();

        try (DevBroker broker = command.start()) {
            assertThat(out.toString())
                    .contains("tcp://127.0.0.1:" + jms, "amqp://127.0.0.1:" + amqp, "tcp://127.0.0.1:" + mqtt);

            try (Connection connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + jms).createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                session.createProducer(session.createQueue("hello")).send(session.createTextMessage("hi"));
                MessageConsumer consumer = session.createConsumer(session.createQueue("hello"));
                assertThat(((TextMessage) consumer.receive(5000)).getText()).isEqualTo("hi");
            }
            try (Connection connection = new JmsConnectionFactory("amqp://127.0.0.1:" + amqp).createConnection()) {
                connection.start();
            }
            MqttClient client =
                    new MqttClient("tcp://127.0.0.1:" + mqtt, "broker-command-test", new MemoryPersistence());
            client.connect();
            assertThat(client.isConnected()).isTrue();
            client.disconnect();
            client.close();
        }
        assertThat(dir.resolve("broker")).as("--in-memory writes nothing").doesNotExist();
    }

    @Test
    void takenPortFailsWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            CommandLine cli = SwitchboardCli.commandLine();
            cli.setErr(new PrintWriter(err));

            int exit = cli.execute(
                    "broker",
                    "--in-memory",
                    "--jms-port",
                    "" + taken.getLocalPort(),
                    "--amqp-port",
                    "" + freePort(),
                    "--mqtt-port",
                    "" + freePort());

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).contains("JMS port " + taken.getLocalPort(), "already in use", "--jms-port");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
