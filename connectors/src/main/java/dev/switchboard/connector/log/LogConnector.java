package dev.switchboard.connector.log;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code log}: writes a line per event to the flow's logger and passes the event on. */
public final class LogConnector implements Connector {
    /** Flow loggers are named {@code switchboard.flow.<flowId>}, so one flow's output can be turned up alone. */
    public static final String LOGGER_PREFIX = "switchboard.flow.";

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("log", ConnectorKind.ACTION)
            .category("Actions")
            .title("Log")
            .description("Writes a line per event to the runtime log")
            .icon("file-text")
            .outputs(PortSpec.out())
            .properties(
                    PropertySpec.builder("level", PropertyType.ENUM)
                            .title("Level")
                            .options("info", "warn", "debug")
                            .defaultValue("info")
                            .build(),
                    PropertySpec.builder("message", PropertyType.TEMPLATE)
                            .title("Message")
                            .description("What to write; empty writes a one-line summary of the event")
                            .placeholder("Order {{data.id}} for {{data.customer.email}}")
                            .build())
            .helpResource(LogConnector.class, "log.md")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public void compile(NodeContext node) {
        Logger logger = LoggerFactory.getLogger(LOGGER_PREFIX + node.flowId());
        LogLine line = new LogLine(node.config().string("message", ""));
        String level = node.config().string("level", "info");
        String prefix = "[" + node.nodeId() + "] ";
        node.emit(
                node.route().process(exchange -> {
                    // a log line is read by people: fields the central masking policies name stay masked
                    Event event = node.redacted(exchange.getIn().getBody(Event.class));
                    switch (level) {
                        case "warn" -> logger.warn("{}{}", prefix, line.render(event));
                        case "debug" -> {
                            if (logger.isDebugEnabled()) {
                                logger.debug("{}{}", prefix, line.render(event));
                            }
                        }
                        default -> logger.info("{}{}", prefix, line.render(event));
                    }
                }),
                PortSpec.OUT);
    }
}
