package dev.switchboard.connector.jms;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.ConnectionStatus;
import dev.switchboard.connector.support.MessageEvents;
import dev.switchboard.connector.support.RouteCleanup;
import dev.switchboard.connector.support.Template;
import jakarta.jms.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.util.URISupport;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Compiles consume and send nodes for any {@link JmsProtocol}. Consumers are transacted: the
 * message is committed only after the whole flow finished the event, and a failure rolls the
 * session back so the broker redelivers it.
 */
public final class JmsRoutes {
    static final Pattern DESTINATION_NAME = Pattern.compile("[A-Za-z0-9_.:/#*>+-]+");
    private static final String SENT_EVENT = "sb.jms.event";
    private static final String SENT_PATTERN = "sb.jms.pattern";
    private static final AtomicLong BEANS = new AtomicLong();

    private JmsRoutes() {}

    public static void compileConsumer(NodeContext node, JmsProtocol protocol) throws Exception {
        NodeConfig config = node.config();
        String brokerUrl = config.requireString(JmsProperties.BROKER_URL);
        String destinationType = config.string(JmsProperties.DESTINATION_TYPE, "queue");
        String destination = config.requireString(JmsProperties.DESTINATION);
        Duration retryEvery = config.duration(JmsProperties.RECONNECT_INTERVAL, Duration.ofSeconds(5));
        CamelContext camel = node.camel();
        ConnectionFactory factory = new ReportingConnectionFactory(
                protocol.connectionFactory(brokerUrl, config.string(JmsProperties.USERNAME).orElse(null),
                        config.string(JmsProperties.PASSWORD).orElse(null)),
                node.flowId(), node.nodeId(), protocol.label() + " broker " + brokerUrl, retryEvery);
        String bean = bind(camel, protocol, node, factory);

        Map<String, Object> options = new LinkedHashMap<>();
        options.put("connectionFactory", "#" + bean);
        options.put("transacted", "true");
        // local JMS session transactions: commit after the flow, roll back on failure, no XA
        options.put("lazyCreateTransactionManager", "false");
        options.put("cacheLevelName", "CACHE_CONSUMER");
        options.put("recoveryInterval", Long.toString(retryEvery.toMillis()));
        options.put("concurrentConsumers", Long.toString(config.integer(JmsProperties.CONCURRENT_CONSUMERS, 1)));
        options.put("errorHandlerLogStackTrace", "false");
        config.string(JmsProperties.SELECTOR).filter(s -> !s.isBlank()).ifPresent(s -> options.put("selector", s));
        String uri = protocol.scheme() + ":" + destinationType + ":" + destination + "?" + URISupport.createQueryString(options);

        String source = node.eventSource();
        String subject = destinationType + "/" + destination;
        RouteDefinition route = node.from(uri);
        RouteCleanup.attach(route, () -> {
            camel.getRegistry().unbind(bean);
            ConnectionStatus.forget(node.flowId(), node.nodeId());
        });
        node.emit(route.process(exchange -> {
            Event event = MessageEvents.toEvent(bodyText(exchange), exchange.getIn().getHeader("JMSMessageID", String.class),
                    source, protocol.eventType(), subject, timestamp(exchange));
            exchange.getIn().removeHeaders("*");
            exchange.getIn().setBody(event);
        }), PortSpec.OUT);
    }

    public static void compileSender(NodeContext node, JmsProtocol protocol) throws Exception {
        NodeConfig config = node.config();
        String brokerUrl = config.requireString(JmsProperties.BROKER_URL);
        String destinationType = config.string(JmsProperties.DESTINATION_TYPE, "queue");
        String destination = config.requireString(JmsProperties.DESTINATION);
        String bodyMode = config.string(JmsProperties.BODY, MessageEvents.BODY_DATA);
        Map<String, Template> headers = new LinkedHashMap<>();
        config.stringMap(JmsProperties.HEADERS).forEach((name, text) -> headers.put(name, Template.parse(text)));
        CamelContext camel = node.camel();
        // one cached connection per node instead of a new connection per message
        CachingConnectionFactory factory = new CachingConnectionFactory(protocol.connectionFactory(brokerUrl,
                config.string(JmsProperties.USERNAME).orElse(null), config.string(JmsProperties.PASSWORD).orElse(null)));
        factory.setSessionCacheSize(4);
        String bean = bind(camel, protocol, node, factory);

        Map<String, Object> options = new LinkedHashMap<>();
        options.put("connectionFactory", "#" + bean);
        options.put("deliveryPersistent", Boolean.toString(config.bool(JmsProperties.PERSISTENT, true)));
        String uri = protocol.scheme() + ":" + destinationType + ":" + destination + "?" + URISupport.createQueryString(options);

        RouteDefinition route = node.route();
        RouteCleanup.attach(route, () -> {
            camel.getRegistry().unbind(bean);
            factory.destroy();
        });
        node.emit(route.process(exchange -> {
                    Event event = exchange.getIn().getBody(Event.class);
                    exchange.setProperty(SENT_EVENT, event);
                    exchange.setProperty(SENT_PATTERN, exchange.getPattern());
                    // fire and forget: a JMS send never waits for a reply
                    exchange.setPattern(ExchangePattern.InOnly);
                    exchange.getIn().removeHeaders("*");
                    headers.forEach((name, template) -> exchange.getIn().setHeader(name, template.render(event)));
                    exchange.getIn().setBody(MessageEvents.toBody(event, bodyMode));
                })
                .to(uri)
                .process(JmsRoutes::restoreEvent), PortSpec.OUT);
    }

    /** Puts the event back after a send, so the flow goes on with the event, not the message. */
    static void restoreEvent(Exchange exchange) {
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setBody(exchange.getProperty(SENT_EVENT, Event.class));
        exchange.setPattern(exchange.getProperty(SENT_PATTERN, ExchangePattern.class));
        exchange.removeProperty(SENT_EVENT);
        exchange.removeProperty(SENT_PATTERN);
    }

    public static List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        config.string(JmsProperties.DESTINATION).filter(name -> !DESTINATION_NAME.matcher(name).matches())
                .ifPresent(name -> problems.add(new ConfigProblem("/" + JmsProperties.DESTINATION,
                        "'" + name + "' is not a destination name: use letters, digits and . _ - / : (no spaces or ?)")));
        config.stringMap(JmsProperties.HEADERS).forEach((name, text) -> {
            if (!name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
                problems.add(new ConfigProblem("/" + JmsProperties.HEADERS + "/" + name,
                        "'" + name + "' is not a valid message property name (a Java identifier, e.g. orderId)"));
            }
            String problem = Template.problem(text);
            if (problem != null) {
                problems.add(new ConfigProblem("/" + JmsProperties.HEADERS + "/" + name, problem));
            }
        });
        return problems;
    }

    private static String bind(CamelContext camel, JmsProtocol protocol, NodeContext node, ConnectionFactory factory) {
        // a new name per compile: a hot-replaced flow never picks up the previous version's endpoint
        String bean = "sb." + protocol.scheme() + "." + node.flowId() + "." + node.nodeId() + "." + BEANS.incrementAndGet();
        camel.getRegistry().bind(bean, ConnectionFactory.class, factory);
        return bean;
    }

    private static String bodyText(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return body == null ? null : exchange.getIn().getBody(String.class);
    }

    private static Instant timestamp(Exchange exchange) {
        Long millis = exchange.getIn().getHeader("JMSTimestamp", Long.class);
        return millis == null || millis == 0 ? Instant.now() : Instant.ofEpochMilli(millis);
    }
}
