package dev.switchboard.connector.throttle;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Template;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ThrottleDefinition;
import org.apache.camel.model.TryDefinition;
import org.apache.camel.processor.ThrottlerRejectedExecutionException;
import org.apache.camel.support.ExpressionAdapter;
import org.apache.camel.support.builder.ExpressionBuilder;

/**
 * {@code throttle}: at most {@code rate} events per {@code per}, optionally per key, on Camel's
 * Throttle EIP in total-requests mode. Events over the rate wait their turn without holding a
 * thread, or are dropped through the {@code dropped} port.
 */
public final class ThrottleConnector implements Connector {
    public static final String DROPPED = "dropped";
    static final String RATE = "rate";
    static final String PER = "per";
    static final String KEY = "key";
    static final String EXCESS = "excess";
    private static final String GROUP = "sb.throttle.key";
    private static final String WAS_DROPPED = "sb.throttle.dropped";
    private static final String KEYLESS = "all";
    private static final Duration DEFAULT_PER = Duration.ofSeconds(1);

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("throttle", ConnectorKind.STEP)
            .category("Logic")
            .title("Throttle")
            .description("Lets at most a number of events per period through, per key; the rest wait or are dropped")
            .icon("sliders")
            .outputs(
                    PortSpec.of(PortSpec.OUT, "out", "Events within the rate"),
                    PortSpec.of(
                            DROPPED,
                            "dropped",
                            "Events over the rate when excess is drop; unwired, they are dropped (run status: filtered)"))
            .properties(
                    PropertySpec.builder(RATE, PropertyType.INTEGER)
                            .title("Rate")
                            .required()
                            .description("How many events may pass per period")
                            .placeholder("10")
                            .build(),
                    PropertySpec.builder(PER, PropertyType.DURATION)
                            .title("Per")
                            .defaultValue("1s")
                            .description("The period the rate counts over")
                            .build(),
                    PropertySpec.builder(KEY, PropertyType.TEMPLATE)
                            .title("Key")
                            .description("Each key has its own rate; empty: one rate for all events")
                            .placeholder("{{data.customerId}}")
                            .build(),
                    PropertySpec.builder(EXCESS, PropertyType.ENUM)
                            .title("Excess")
                            .options("wait", "drop")
                            .defaultValue("wait")
                            .description("wait: events over the rate wait their turn; drop: they leave through dropped")
                            .build())
            .helpResource(ThrottleConnector.class, "throttle.md")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        long rate = config.integer(RATE, 1);
        if (rate < 1 || rate > Integer.MAX_VALUE) {
            problems.add(new ConfigProblem("/" + RATE, "rate is " + rate + "; expected a whole number of 1 or more"));
        }
        if (config.duration(PER, DEFAULT_PER).toMillis() < 1) {
            problems.add(new ConfigProblem("/" + PER, "per must be at least 1ms"));
        }
        return problems;
    }

    @Override
    public void compile(NodeContext node) {
        NodeConfig config = node.config();
        int rate = (int) config.integer(RATE, 1);
        long per = config.duration(PER, DEFAULT_PER).toMillis();
        boolean drop = config.string(EXCESS, "wait").equals("drop");
        Template key = config.string(KEY)
                .filter(k -> !k.isBlank())
                .map(Template::parse)
                .orElse(null);

        RouteDefinition route = node.route();
        if (key != null) {
            route.process(exchange ->
                    exchange.setProperty(GROUP, key.render(exchange.getIn().getBody(Event.class))));
        }
        TryDefinition attempt = route.doTry();
        ThrottleDefinition throttle = attempt.throttle(ExpressionBuilder.constantExpression(rate))
                .totalRequestsMode()
                .timePeriodMillis(per)
                // waiting events are scheduled on Camel's throttle pool, not parked on the caller's thread
                .asyncDelayed(!drop)
                .rejectExecution(drop);
        if (key != null) {
            throttle.correlationExpression(new ExpressionAdapter() {
                @Override
                public Object evaluate(Exchange exchange) {
                    String group = exchange.getProperty(GROUP, String.class);
                    return group == null || group.isEmpty() ? KEYLESS : "key:" + group;
                }
            });
        }
        attempt.doCatch(ThrottlerRejectedExecutionException.class)
                .process(exchange -> exchange.setProperty(WAS_DROPPED, true))
                .end();
        node.emit(route.filter(exchange -> exchange.getProperty(WAS_DROPPED) == null), PortSpec.OUT)
                .end();
        node.emit(route.filter(exchange -> exchange.getProperty(WAS_DROPPED) != null), DROPPED)
                .end();
    }
}
