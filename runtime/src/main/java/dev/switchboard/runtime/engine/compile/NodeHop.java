package dev.switchboard.runtime.engine.compile;

import java.util.List;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.DelegateProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.RouteAware;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.apache.camel.component.direct.DirectEndpoint;
import org.apache.camel.spi.InflightRepository;
import org.apache.camel.spi.InternalProcessor;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single wire (one port to one node, see ADR 8): runs the next node's route <em>inside</em> the
 * sender's, instead of sending to its {@code direct:} input. The next node keeps its own route —
 * entered by replays and retries through {@code direct:}, hot-replaced and undeployed with its flow,
 * its processors wrapped in its own error handler — but an event arriving over a single wire skips
 * what Camel does on entering a route (a second unit-of-work route, the route's in-flight entry,
 * the advices around it) and runs the route's processors on the sender's exchange and unit of work.
 *
 * <p>What the route's entry did that the runtime relies on is done here: the route's policies
 * (the per-node counters and timer of {@code /metrics}) see the exchange begin and end, and the
 * hand-over to the next node is recorded in the run trace in the same processor. A next node whose
 * route is not running fails the event like {@code direct:} would.
 */
final class NodeHop extends AsyncProcessorSupport {
    private static final Logger LOG = LoggerFactory.getLogger(NodeHop.class);
    private final CamelContext camel;
    private final String uri;
    private final Processor handOver;
    private final InflightRepository inflight;
    private volatile DirectEndpoint endpoint;
    private volatile Target target;

    /** The next node's route, as resolved for the consumer now on its input. */
    private record Target(Consumer consumer, Route route, AsyncProcessor steps, RoutePolicy[] policies) {}

    NodeHop(CamelContext camel, String uri, Processor handOver) {
        this.camel = camel;
        this.uri = uri;
        this.handOver = handOver;
        this.inflight = camel.getInflightRepository();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Target next;
        try {
            handOver.process(exchange);
            next = target();
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (next == null) {
            exchange.setException(
                    new DirectConsumerNotAvailableException("No consumers available on endpoint", exchange));
            callback.done(true);
            return true;
        }
        RoutePolicy[] policies = next.policies();
        for (RoutePolicy policy : policies) {
            begin(policy, next.route(), exchange);
        }
        // the steps run as the next node's route: processors that ask the unit of work which route
        // they run in (a fan-out wrapping its branches in the route's error handler) must see it
        UnitOfWork uow = next.route() == null ? null : exchange.getUnitOfWork();
        if (uow != null) {
            uow.pushRoute(next.route());
        }
        // counted in flight in the next node's route too: stopping that route waits for the event
        String routeId = next.route() == null ? null : next.route().getRouteId();
        if (routeId != null) {
            inflight.add(exchange, routeId);
        }
        return next.steps().process(exchange, doneSync -> {
            if (routeId != null) {
                inflight.remove(exchange, routeId);
            }
            if (uow != null) {
                uow.popRoute();
            }
            for (RoutePolicy policy : policies) {
                done(policy, next.route(), exchange);
            }
            callback.done(doneSync);
        });
    }

    /** As Camel's route-policy advice: a policy that throws is logged, the event goes on. */
    private static void begin(RoutePolicy policy, Route route, Exchange exchange) {
        try {
            if (runs(policy)) {
                policy.onExchangeBegin(route, exchange);
            }
        } catch (RuntimeException e) {
            LOG.warn("Route policy {} of route {} failed on begin: {}", policy, route.getRouteId(), e.toString());
        }
    }

    private static void done(RoutePolicy policy, Route route, Exchange exchange) {
        try {
            if (runs(policy)) {
                policy.onExchangeDone(route, exchange);
            }
        } catch (RuntimeException e) {
            LOG.warn("Route policy {} of route {} failed on done: {}", policy, route.getRouteId(), e.toString());
        }
    }

    private static boolean runs(RoutePolicy policy) {
        return !(policy instanceof ServiceSupport service) || service.isRunAllowed();
    }

    /** The route now consuming the next node's input, or null when none is (stopped, removed). */
    private Target target() throws InterruptedException {
        Target known = target;
        if (known != null && known.consumer() instanceof ServiceSupport service && service.isStarted()) {
            // a direct: consumer is on its endpoint exactly while started: no look-up per event
            return known;
        }
        DirectEndpoint input = endpoint;
        if (input == null) {
            input = camel.getEndpoint(uri, DirectEndpoint.class);
            endpoint = input;
        }
        Consumer consumer = input.getConsumer();
        if (consumer == null) {
            return null;
        }
        if (known != null && known.consumer() == consumer) {
            return known;
        }
        Route route = consumer instanceof RouteAware aware ? aware.getRoute() : null;
        Processor processor = consumer.getProcessor();
        // the route's entry (an InternalProcessor around its steps): run the steps without it
        if (route == null || !(processor instanceof InternalProcessor) || !(processor instanceof DelegateProcessor)) {
            known = new Target(consumer, route, AsyncProcessorConverterHelper.convert(processor), new RoutePolicy[0]);
        } else {
            List<RoutePolicy> policies = route.getRoutePolicyList();
            known = new Target(
                    consumer,
                    route,
                    AsyncProcessorConverterHelper.convert(((DelegateProcessor) processor).getProcessor()),
                    policies == null ? new RoutePolicy[0] : policies.toArray(new RoutePolicy[0]));
        }
        target = known;
        return known;
    }

    @Override
    public String toString() {
        return "hop to " + uri;
    }
}
