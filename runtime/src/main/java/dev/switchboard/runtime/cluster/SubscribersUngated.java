package dev.switchboard.runtime.cluster;

import dev.switchboard.runtime.engine.PullTriggerGate;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;

/**
 * The cluster's pull-trigger gate: every pull trigger runs under its lease ({@link TriggerLeases}),
 * except an {@code event.subscribe} on Kafka, which starts at once in every runtime that runs its
 * flow. Its consumer group already hands each event to one member, spreads the partitions over the
 * runtimes and moves them when one dies; a lease would only keep all but one runtime idle.
 */
final class SubscribersUngated implements PullTriggerGate {
    private final CamelContext camel;
    private final PullTriggerGate leases;

    SubscribersUngated(CamelContext camel, PullTriggerGate leases) {
        this.camel = camel;
        this.leases = leases;
    }

    @Override
    public AutoCloseable hold(String name, Runnable start, Runnable stop) {
        Route route = camel.getRoute(name);
        if (route != null && route.getEndpoint() instanceof KafkaPubSub.TopicEndpoint) {
            start.run();
            // the route is being removed when this closes: nothing to give up
            return () -> {};
        }
        return leases.hold(name, start, stop);
    }
}
