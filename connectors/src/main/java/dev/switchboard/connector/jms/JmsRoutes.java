package dev.switchboard.connector.jms;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.MessageEvents;
import dev.switchboard.connector.support.SendThenRestore;
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
import org.apache.camel.Exchange;
import org.apache.camel.util.URISupport;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Compiles consume and send nodes for any {@link JmsProtocol}: the JMS and AMQP connectors differ
 * only in their spec and protocol, everything here is shared. Consumers are transacted: the
 * message is committed only after the whole flow finished the event, and a failure rolls the
 * session back so the broker redelivers it.
 */
public final class JmsRoutes {
    static final Pattern DESTINATION_NAME = Pattern.compile("[A-Za-z0-9_.:/#*>+-]+");
    private static final AtomicLong BEANS = new AtomicLong();

    private JmsRoutes() {}

    /** What consume and send nodes both configure: where the broker is and which destination. */
    private record Destination(
            JmsProtocol protocol, String brokerUrl, String user, String password, String type, String name) {
        static Destination of(NodeConfig config, JmsProtocol protocol) {
            return new Destination(
                    protocol,
                    config.requireString(JmsProperties.BROKER_URL),
                    config.string(JmsProperties.USERNAME).orElse(null),
                    config.string(JmsProperties.PASSWORD).orElse(null),
                    config.string(JmsProperties.DESTINATION_TYPE, "queue"),
                    config.requireString(JmsProperties.DESTINATION));
        }

        ConnectionFactory connectionFactory() {
            return protocol.connectionFactory(brokerUrl, user, password);
        }

        /** The endpoint URI, its connection factory bound in the registry for as long as the node's route exists. */
        String uri(NodeContext node, ConnectionFactory factory, Map<String, Object> options) throws Exception {
            // a new name per compile: a hot-replaced flow never picks up the previous version's endpoint
            String bean = "sb." + protocol.scheme() + "." + node.flowId() + "." + node.nodeId() + "."
                    + BEANS.incrementAndGet();
            node.camel().getRegistry().bind(bean, ConnectionFactory.class, factory);
            node.onStop(() -> node.camel().getRegistry().unbind(bean));
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("connectionFactory", "#" + bean);
            all.putAll(options);
            return protocol.scheme() + ":" + type + ":" + name + "?" + URISupport.createQueryString(all);
        }
    }

    public static void compileConsumer(NodeContext node, JmsProtocol protocol) throws Exception {
        NodeConfig config = node.config();
        Destination destination = Destination.of(config, protocol);
        Duration retryEvery = config.duration(JmsProperties.RECONNECT_INTERVAL, Duration.ofSeconds(5));
        // Spring's listener container reconnects by itself; the wrapper makes its attempts the node's status
        ConnectionFactory factory = new ReportingConnectionFactory(
                destination.connectionFactory(),
                node.status(),
                protocol.label() + " broker " + destination.brokerUrl(),
                retryEvery);

        Map<String, Object> options = new LinkedHashMap<>();
        options.put("transacted", "true");
        // local JMS session transactions: commit after the flow, roll back on failure, no XA
        options.put("lazyCreateTransactionManager", "false");
        options.put("cacheLevelName", "CACHE_CONSUMER");
        options.put("recoveryInterval", Long.toString(retryEvery.toMillis()));
        options.put("concurrentConsumers", Long.toString(config.integer(JmsProperties.CONCURRENT_CONSUMERS, 1)));
        options.put("errorHandlerLogStackTrace", "false");
        config.string(JmsProperties.SELECTOR).filter(s -> !s.isBlank()).ifPresent(s -> options.put("selector", s));
        String uri = destination.uri(node, factory, options);

        String source = node.eventSource();
        String subject = destination.type() + "/" + destination.name();
        node.emit(
                node.from(uri).process(exchange -> {
                    Event event = MessageEvents.toEvent(
                            bodyText(exchange),
                            exchange.getIn().getHeader("JMSMessageID", String.class),
                            source,
                            protocol.eventType(),
                            subject,
                            timestamp(exchange));
                    exchange.getIn().removeHeaders("*");
                    exchange.getIn().setBody(event);
                }),
                PortSpec.OUT);
    }

    public static void compileSender(NodeContext node, JmsProtocol protocol) throws Exception {
        NodeConfig config = node.config();
        Destination destination = Destination.of(config, protocol);
        String bodyMode = config.string(JmsProperties.BODY, MessageEvents.BODY_DATA);
        Map<String, Template> headers = new LinkedHashMap<>();
        config.stringMap(JmsProperties.HEADERS).forEach((name, text) -> headers.put(name, Template.parse(text)));
        // one cached connection per node instead of a new connection per message
        CachingConnectionFactory factory = new CachingConnectionFactory(destination.connectionFactory());
        factory.setSessionCacheSize(4);
        node.onStop(factory::destroy);
        String uri = destination.uri(
                node,
                factory,
                Map.of("deliveryPersistent", Boolean.toString(config.bool(JmsProperties.PERSISTENT, true))));

        node.emit(
                SendThenRestore.send(node.route(), uri, (event, message) -> {
                    headers.forEach((name, template) -> message.setHeader(name, template.render(event)));
                    message.setBody(MessageEvents.toBody(event, bodyMode));
                }),
                PortSpec.OUT);
    }

    public static List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        config.string(JmsProperties.DESTINATION)
                .filter(name -> !DESTINATION_NAME.matcher(name).matches())
                .ifPresent(name -> problems.add(new ConfigProblem(
                        "/" + JmsProperties.DESTINATION,
                        "'" + name
                                + "' is not a destination name: use letters, digits and . _ - / : (no spaces or ?)")));
        config.stringMap(JmsProperties.HEADERS).forEach((name, text) -> {
            if (!name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
                problems.add(new ConfigProblem(
                        "/" + JmsProperties.HEADERS + "/" + name,
                        "'" + name + "' is not a valid message property name (a Java identifier, e.g. orderId)"));
            }
            String problem = Template.problem(text);
            if (problem != null) {
                problems.add(new ConfigProblem("/" + JmsProperties.HEADERS + "/" + name, problem));
            }
        });
        return problems;
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
