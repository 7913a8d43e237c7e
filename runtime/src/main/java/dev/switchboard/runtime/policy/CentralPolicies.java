package dev.switchboard.runtime.policy;

import dev.switchboard.connector.rules.RuleSet;
import dev.switchboard.connector.spi.Destination;
import dev.switchboard.connector.spi.Event;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The policies a runtime applies to every flow, with what applying them needs: the masker, the
 * seal for events at rest, and the listeners told of each decision. One per engine.
 */
public final class CentralPolicies {
    private final Policies policies;
    private final FieldMasker masker;
    private final EventsAtRest eventsAtRest;
    private final List<PolicyListener> listeners = new CopyOnWriteArrayList<>();

    private CentralPolicies(Policies policies, EventSeal seal) {
        this.policies = policies;
        this.masker = new FieldMasker(policies);
        this.eventsAtRest = seal == null
                ? EventsAtRest.PLAIN
                : new EventsAtRest(seal, masker, !policies.masking().isEmpty());
    }

    /** No policies: nothing masked, nothing blocked. */
    public static CentralPolicies none() {
        return new CentralPolicies(Policies.NONE, null);
    }

    /**
     * @param seal encrypts events at rest; required when {@code policies} mask any field, since the
     *     inbox and dead letters must keep the real event. Without masking it only opens rows sealed
     *     earlier
     */
    public static CentralPolicies of(Policies policies, EventSeal seal) {
        if (!policies.masking().isEmpty() && seal == null) {
            throw new IllegalArgumentException("Masking policies need a seal for the events the store keeps");
        }
        return new CentralPolicies(policies, seal);
    }

    public Policies policies() {
        return policies;
    }

    public FieldMasker masker() {
        return masker;
    }

    public EventsAtRest eventsAtRest() {
        return eventsAtRest;
    }

    public boolean isEmpty() {
        return policies.isEmpty();
    }

    /** Whether sends to a destination of this kind need a look at each event (routing or masking). */
    public boolean governsSends() {
        return !policies.routing().isEmpty()
                || policies.masking().stream().anyMatch(r -> !r.destinations().isEmpty());
    }

    public void addListener(PolicyListener listener) {
        listeners.add(listener);
    }

    public void removeListener(PolicyListener listener) {
        listeners.remove(listener);
    }

    public void decided(PolicyDecision decision) {
        for (PolicyListener listener : listeners) {
            listener.decided(decision);
        }
    }

    /**
     * What the routing rules say about sending {@code event} to {@code target} (a destination
     * rendered for this event: a URL, or a topic name).
     */
    public RoutingVerdict route(String flowId, String nodeId, Event event, Destination destination, String target) {
        List<PolicyDecision> decisions = new ArrayList<>();
        RoutingRule blockedBy = null;
        for (RoutingRule rule : policies.routing()) {
            List<String> allowed = destination.kind() == Destination.Kind.URL ? rule.hosts() : rule.topics();
            if (allowed == null || !matches(rule.when(), event)) {
                continue;
            }
            String name = destination.kind() == Destination.Kind.URL ? hostOf(target) : target;
            boolean ok = name != null && allowed.stream().anyMatch(pattern -> Globs.matches(pattern, name));
            String shown = name == null ? "'" + target + "' (no host)" : name;
            decisions.add(new PolicyDecision(flowId, nodeId, rule.name(), ok ? "allowed" : "blocked", shown));
            if (!ok && blockedBy == null) {
                blockedBy = rule;
            }
        }
        return new RoutingVerdict(decisions, blockedBy);
    }

    /** How masking rules name a destination: the URL itself, or {@code scheme:topic}. */
    public static String destinationName(Destination destination, String target) {
        return destination.kind() == Destination.Kind.URL ? target : destination.scheme() + ":" + target;
    }

    private static boolean matches(RuleSet when, Event event) {
        return when == null || when.test(event);
    }

    /** The host of a URL, lower case; null when it has none (the send is then blocked, never guessed). */
    static String hostOf(String url) {
        try {
            String host = URI.create(url.trim()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
