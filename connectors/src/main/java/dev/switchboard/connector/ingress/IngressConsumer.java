package dev.switchboard.connector.ingress;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook route's consumer: mounted on the ingress while the route runs. Each request runs the
 * route in its own exchange (body: the {@link IngressRequest}); the route leaves an
 * {@link IngressAnswer} as the body, which goes back to the caller.
 */
final class IngressConsumer extends DefaultConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(IngressConsumer.class);

    private final IngressEndpoint endpoint;
    private volatile Mount mount;

    IngressConsumer(IngressEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        Mount mounted = new Mount(endpoint.spec(), owner(getRouteId()), this::handle);
        endpoint.server().mount(mounted);
        mount = mounted;
    }

    @Override
    protected void doStop() throws Exception {
        Mount mounted = mount;
        if (mounted != null) {
            endpoint.server().unmount(mounted);
            mount = null;
        }
        super.doStop();
    }

    private IngressAnswer handle(IngressRequest request) {
        if (!isRunAllowed()) {
            return IngressAnswer.error(503, "unavailable", "This webhook is stopping; try again shortly")
                    .withHeader("Retry-After", "5");
        }
        Exchange exchange = createExchange(false);
        try {
            exchange.getIn().setBody(request);
            getProcessor().process(exchange);
            Object out = exchange.getMessage().getBody();
            if (exchange.getException() == null && out instanceof IngressAnswer answer) {
                return answer;
            }
            LOG.warn(
                    "Webhook route {} left no answer for {} {}",
                    getRouteId(),
                    request.method(),
                    request.path(),
                    exchange.getException());
        } catch (Exception e) {
            LOG.warn("Webhook route {} failed on {} {}", getRouteId(), request.method(), request.path(), e);
        } finally {
            releaseExchange(exchange, false);
        }
        return IngressAnswer.error(
                500, "internal_error", "The webhook failed unexpectedly; the event was not accepted");
    }

    /** "node 'hook' of flow 'leads'" for the route id {@code leads:hook}. */
    static String owner(String routeId) {
        if (routeId == null) {
            return "another route";
        }
        int colon = routeId.indexOf(':');
        return colon < 0
                ? "route " + routeId
                : "node '" + routeId.substring(colon + 1) + "' of flow '" + routeId.substring(0, colon) + "'";
    }
}
