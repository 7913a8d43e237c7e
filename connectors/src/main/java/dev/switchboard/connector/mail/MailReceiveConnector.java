package dev.switchboard.connector.mail;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.component.mail.MailMessage;

/** {@code mail.receive}: polls an IMAP folder; each unseen mail starts the flow and is then marked seen. */
public final class MailReceiveConnector implements Connector {
    private static final AtomicLong BEANS = new AtomicLong();

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("mail.receive", ConnectorKind.TRIGGER)
            .category("Triggers")
            .title("Receive e-mail")
            .description("Start the flow for each unseen mail in an IMAP folder, then mark it seen")
            .icon("mail")
            .outputs(PortSpec.out())
            .properties(
                    MailServer.host("imap.example.com"),
                    MailServer.port("Empty: 993 with tls, 143 otherwise."),
                    MailServer.username(),
                    MailServer.password(),
                    PropertySpec.builder(MailServer.SECURITY, PropertyType.ENUM)
                            .title("Security")
                            .options(MailServer.NONE, MailServer.STARTTLS, MailServer.TLS)
                            .defaultValue(MailServer.TLS)
                            .description(
                                    "tls: TLS from the start. starttls: upgrade a plain connection. none: local test servers only.")
                            .build(),
                    PropertySpec.builder("folder", PropertyType.STRING)
                            .title("Folder")
                            .defaultValue("INBOX")
                            .build(),
                    PropertySpec.builder("interval", PropertyType.DURATION)
                            .title("Check every")
                            .defaultValue("1m")
                            .description("How often the folder is checked for new mail.")
                            .build())
            .helpResource(MailReceiveConnector.class, "mail.receive.md")
            .sampleEvent("""
                    {"from": "customer@example.com", "to": ["support@example.com"], "cc": [],
                     "subject": "Order 1042 arrived damaged", "text": "Hello, the box was crushed …",
                     "html": null, "receivedAt": "2026-11-28T09:15:00Z", "messageId": "<abc@example.com>"}""")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public void compile(NodeContext node) throws Exception {
        NodeConfig config = node.config();
        Duration interval = config.duration("interval", Duration.ofMinutes(1));
        String host = config.requireString(MailServer.HOST);
        String target = "IMAP server " + host + ":"
                + config.integer(
                        MailServer.PORT,
                        MailServer.TLS.equals(config.string(MailServer.SECURITY, MailServer.TLS)) ? 993 : 143);
        String bean = "sb.mail." + node.flowId() + "." + node.nodeId() + "." + BEANS.incrementAndGet();
        node.camel().getRegistry().bind(bean + ".poll", new ReportingPollStrategy(node.status(), target, interval));
        node.camel().getRegistry().bind(bean + ".props", MailServer.javaMailProperties(config, "imap"));
        node.onStop(() -> {
            node.camel().getRegistry().unbind(bean + ".poll");
            node.camel().getRegistry().unbind(bean + ".props");
        });

        Map<String, Object> options = new LinkedHashMap<>();
        options.put("folderName", config.string("folder", "INBOX"));
        options.put("unseen", "true");
        options.put("delete", "false");
        // peek: the mail becomes seen only when the flow finished it (camel-mail then sets SEEN)
        options.put("peek", "true");
        options.put("delay", Long.toString(interval.toMillis()));
        options.put("initialDelay", "0");
        options.put("pollStrategy", "#" + bean + ".poll");
        options.put("additionalJavaMailProperties", "#" + bean + ".props");
        // we read the original message ourselves; no need for camel to copy it into the body
        options.put("mapMailMessage", "false");
        String uri = MailServer.uri(config, "imap", 143, 993, options);

        String source = node.eventSource();
        node.emit(
                node.from(uri).process(exchange -> {
                    MailMessage mail = exchange.getIn(MailMessage.class);
                    exchange.getIn().setBody(MailEvents.toEvent(mail.getOriginalMessage(), source));
                }),
                PortSpec.OUT);
    }
}
