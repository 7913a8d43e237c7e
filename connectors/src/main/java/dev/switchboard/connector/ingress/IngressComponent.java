package dev.switchboard.connector.ingress;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * Camel component {@code sbhook}: ties a webhook route to the engine's {@link IngressServer}. The
 * route's consumer mounts its path and method when the route starts and unmounts them when it
 * stops, so a flow can be hot-replaced or stopped without touching the others. The hosting engine
 * registers one instance with its server; endpoints are made by {@link #endpoint}, never from a
 * URI, because a hook carries objects (its header checks) that a URI cannot.
 */
public final class IngressComponent extends DefaultComponent {
    public static final String SCHEME = "sbhook";

    private final IngressServer server;

    public IngressComponent(IngressServer server) {
        this.server = server;
    }

    /** The endpoint a webhook route starts from, on the ingress of the engine that runs {@code camel}. */
    public static Endpoint endpoint(CamelContext camel, HookSpec spec) {
        Component component = camel.hasComponent(SCHEME);
        if (!(component instanceof IngressComponent ingress)) {
            throw new IllegalStateException("This runtime serves no webhooks: it has no " + SCHEME + " component");
        }
        IngressEndpoint endpoint =
                new IngressEndpoint(SCHEME + ":" + spec.path() + "?method=" + spec.method(), ingress, spec);
        endpoint.setCamelContext(camel);
        return endpoint;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        throw new IllegalArgumentException(
                SCHEME + " endpoints are made by the webhook connector, not from a URI ('" + uri + "')");
    }

    IngressServer server() {
        return server;
    }
}
