package dev.switchboard.connector.mail;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.SendThenRestore;
import dev.switchboard.connector.support.Template;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** {@code email.send}: sends one e-mail per event over SMTP; every field is a template. */
public final class EmailSendConnector implements Connector {
    private static final AtomicLong BEANS = new AtomicLong();
    private static final List<String> TEMPLATES = List.of("from", "to", "cc", "subject", "body");

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("email.send", ConnectorKind.ACTION)
            .category("Actions")
            .title("Send e-mail")
            .description("Send an e-mail per event over SMTP (to, cc, subject and body templates)")
            .icon("mail")
            .outputs(PortSpec.out())
            .properties(
                    MailServer.host("smtp.example.com"),
                    MailServer.port("Empty: 587 with starttls, 465 with tls, 25 with none."),
                    MailServer.username(),
                    MailServer.password(),
                    MailServer.security(),
                    PropertySpec.builder("from", PropertyType.TEMPLATE)
                            .title("From")
                            .required()
                            .placeholder("Switchboard <alerts@example.com>")
                            .build(),
                    PropertySpec.builder("to", PropertyType.TEMPLATE)
                            .title("To")
                            .required()
                            .placeholder("ops@example.com, {{data.owner}}")
                            .description("Comma-separated addresses.")
                            .build(),
                    PropertySpec.builder("cc", PropertyType.TEMPLATE)
                            .title("Cc")
                            .description("Comma-separated addresses.")
                            .build(),
                    PropertySpec.builder("subject", PropertyType.TEMPLATE)
                            .title("Subject")
                            .required()
                            .placeholder("Order {{data.orderId}} shipped")
                            .build(),
                    PropertySpec.builder("body", PropertyType.TEMPLATE)
                            .title("Body")
                            .required()
                            .placeholder("Hello {{data.name}}, …")
                            .build(),
                    PropertySpec.builder("format", PropertyType.ENUM)
                            .title("Format")
                            .options("text", "html")
                            .defaultValue("text")
                            .description("Send the body as plain text or as HTML.")
                            .build())
            .helpResource(EmailSendConnector.class, "email.send.md")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public void compile(NodeContext node) throws Exception {
        NodeConfig config = node.config();
        Map<String, Template> fields = new LinkedHashMap<>();
        for (String name : TEMPLATES) {
            config.string(name).filter(s -> !s.isBlank()).ifPresent(text -> fields.put(name, Template.parse(text)));
        }
        String contentType = "html".equals(config.string("format", "text"))
                ? "text/html; charset=UTF-8"
                : "text/plain; charset=UTF-8";
        String bean = "sb.mail." + node.flowId() + "." + node.nodeId() + "." + BEANS.incrementAndGet();
        node.camel().getRegistry().bind(bean, MailServer.javaMailProperties(config, "smtp"));
        String uri = MailServer.uri(
                config,
                "smtp",
                587,
                465,
                Map.of("additionalJavaMailProperties", "#" + bean, "contentType", contentType));

        node.onStop(() -> node.camel().getRegistry().unbind(bean));
        node.emit(
                SendThenRestore.send(node.route(), uri, (event, message) -> {
                    // camel-mail 4.18 takes the addresses and subject from these headers
                    message.setHeader("From", fields.get("from").render(event));
                    message.setHeader("To", fields.get("to").render(event));
                    if (fields.containsKey("cc")) {
                        message.setHeader("Cc", fields.get("cc").render(event));
                    }
                    message.setHeader("Subject", fields.get("subject").render(event));
                    message.setBody(fields.get("body").render(event));
                }),
                PortSpec.OUT);
    }
}
