package dev.switchboard.runtime.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyNamingStrategy;

/**
 * Names Camel's per-route meters (camel-micrometer's route policy) after the node a route is:
 * route id {@code <flow>:<node>} in route group {@code <flow>} becomes the tags {@code flow} and
 * {@code node}, and the meters are called {@code switchboard.node.…}. The engine's internal
 * routes (a push trigger's dispatch, inject and error-port routes, ids with a second colon, are
 * excluded by pattern; a flow's failure route, fed by {@code direct:sb.failed.<flow>}) are tagged
 * {@link #INTERNAL} and denied by {@link #DENY_INTERNAL}, so only nodes have series.
 *
 * <p>Camel asks for a route's tags on every exchange: they are computed once per route id.
 */
final class NodeRouteNaming implements MicrometerRoutePolicyNamingStrategy {
    static final String ROUTE_TIMER = "switchboard.node.route";
    static final String EVENTS_IN = "switchboard.node.events.in";
    static final String EXCHANGES_FAILED = "switchboard.node.exchanges.failed";
    static final String INTERNAL = "sb_internal";
    /** Route ids with two colons: {@code <flow>:<node>:dispatch|inject|failed}. */
    static final String INTERNAL_ROUTE_PATTERN = "[^:]+:[^:]+:.+";

    static final MeterFilter DENY_INTERNAL = MeterFilter.deny(id -> id.getTag(INTERNAL) != null);

    private final Map<String, Tags> tags = new ConcurrentHashMap<>();

    @Override
    public String getName(Route route) {
        return ROUTE_TIMER;
    }

    @Override
    public String getExchangesTotalName(Route route) {
        return EVENTS_IN;
    }

    @Override
    public String getExchangesFailedName(Route route) {
        return EXCHANGES_FAILED;
    }

    @Override
    public String getExchangesSucceededName(Route route) {
        return "switchboard.node.exchanges.succeeded";
    }

    @Override
    public String getFailuresHandledName(Route route) {
        return "switchboard.node.exchanges.failures.handled";
    }

    @Override
    public String getExternalRedeliveriesName(Route route) {
        return "switchboard.node.exchanges.external.redeliveries";
    }

    @Override
    public String getLongTaskName(Route route) {
        return "switchboard.node.route.active";
    }

    @Override
    public Tags getTags(Route route) {
        Tags known = tags.get(route.getRouteId());
        return known != null ? known : tags.computeIfAbsent(route.getRouteId(), id -> tagsOf(route));
    }

    @Override
    public Tags getExchangeStatusTags(Route route) {
        return getTags(route);
    }

    @Override
    public Tags getTags(CamelContext context) {
        return Tags.of(INTERNAL, "context");
    }

    @Override
    public Tags getExchangeStatusTags(CamelContext context) {
        return getTags(context);
    }

    /** Forgets the tags of a flow's routes (the flow was undeployed). */
    void forgetFlow(String flowId) {
        tags.keySet().removeIf(id -> id.startsWith(flowId + ":"));
    }

    private static Tags tagsOf(Route route) {
        String id = route.getRouteId();
        String flow = route.getGroup();
        String uri = route.getEndpoint() == null ? "" : route.getEndpoint().getEndpointUri();
        if (flow == null
                || !id.startsWith(flow + ":")
                || uri.startsWith("direct://sb.failed.")
                || uri.startsWith("direct:sb.failed.")) {
            return Tags.of(INTERNAL, "route");
        }
        String node = id.substring(flow.length() + 1);
        if (node.isEmpty() || node.indexOf(':') >= 0) {
            return Tags.of(INTERNAL, "route");
        }
        return Tags.of("flow", flow, "node", node);
    }
}
