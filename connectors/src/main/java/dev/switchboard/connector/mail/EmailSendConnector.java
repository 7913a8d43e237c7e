package dev.switchboard.connector.mail;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.RouteCleanup;
import dev.switchboard.connector.support.Template;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.ExchangePattern;

/** {@code email.send}: sends one e-mail per event over SMTP; every field is a template. */
public final class EmailSendConnector implements Connector {
    private static final String SENT_EVENT = "sb.mail.event";
    private static final String SENT_PATTERN = "sb.mail.pattern";
    private static final AtomicLong BEANS = new AtomicLong();
    private static final List<String> TEMPLATES = List.of("from", "to", "cc", "subject", "body");

    @Override
    public ConnectorSpec spec() {
        return ConnectorSpec.builder("email.send", ConnectorKind.ACTION)
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
                        PropertySpec.builder("from", PropertyType.TEMPLATE).title("From").required()
                                .placeholder("Switchboard <alerts@example.com>").build(),
                        PropertySpec.builder("to", PropertyType.TEMPLATE).title("To").required()
                                .placeholder("ops@example.com, {{data.owner}}").description("Comma-separated addresses.").build(),
                        PropertySpec.builder("cc", PropertyType.TEMPLATE).title("Cc").description("Comma-separated addresses.").build(),
                        PropertySpec.builder("subject", PropertyType.TEMPLATE).title("Subject").required()
                                .placeholder("Order {{data.orderId}} shipped").build(),
                        PropertySpec.builder("body", PropertyType.TEMPLATE).title("Body").required()
                                .placeholder("Hello {{data.name}}, …").build(),
                        PropertySpec.builder("format", PropertyType.ENUM).title("Format").options("text", "html")
                                .defaultValue("text").description("Send the body as plain text or as HTML.").build())
                .helpResource(EmailSendConnector.class, "email.send.md")
                .build();
    }

    @Override
    public void compile(NodeContext node) throws Exception {
        NodeConfig config = node.config();
        Map<String, Template> fields = new LinkedHashMap<>();
        for (String name : TEMPLATES) {
            config.string(name).filter(s -> !s.isBlank()).ifPresent(text -> fields.put(name, Template.parse(text)));
        }
        String contentType = "html".equals(config.string("format", "text")) ? "text/html; charset=UTF-8" : "text/plain; charset=UTF-8";
        String bean = "sb.mail." + node.flowId() + "." + node.nodeId() + "." + BEANS.incrementAndGet();
        node.camel().getRegistry().bind(bean, MailServer.javaMailProperties(config, "smtp"));
        String uri = MailServer.uri(config, "smtp", 587, 465, Map.of("additionalJavaMailProperties", "#" + bean,
                "contentType", contentType));

        var route = node.route();
        RouteCleanup.attach(route, () -> node.camel().getRegistry().unbind(bean));
        node.emit(route.process(exchange -> {
                    Event event = exchange.getIn().getBody(Event.class);
                    exchange.setProperty(SENT_EVENT, event);
                    exchange.setProperty(SENT_PATTERN, exchange.getPattern());
                    exchange.setPattern(ExchangePattern.InOnly);
                    // other headers would become mail headers
                    exchange.getIn().removeHeaders("*");
                    // camel-mail 4.18 takes the addresses and subject from these headers
                    exchange.getIn().setHeader("From", fields.get("from").render(event));
                    exchange.getIn().setHeader("To", fields.get("to").render(event));
                    if (fields.containsKey("cc")) {
                        exchange.getIn().setHeader("Cc", fields.get("cc").render(event));
                    }
                    exchange.getIn().setHeader("Subject", fields.get("subject").render(event));
                    exchange.getIn().setBody(fields.get("body").render(event));
                })
                .to(uri)
                .process(exchange -> {
                    exchange.getIn().removeHeaders("*");
                    exchange.getIn().setBody(exchange.getProperty(SENT_EVENT, Event.class));
                    exchange.setPattern(exchange.getProperty(SENT_PATTERN, ExchangePattern.class));
                    exchange.removeProperty(SENT_EVENT);
                    exchange.removeProperty(SENT_PATTERN);
                }), PortSpec.OUT);
    }

}
