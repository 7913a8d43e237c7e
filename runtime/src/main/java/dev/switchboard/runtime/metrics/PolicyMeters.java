package dev.switchboard.runtime.metrics;

import dev.switchboard.runtime.policy.PolicyDecision;
import dev.switchboard.runtime.policy.PolicyListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the central policies' decisions: {@code switchboard_policy_decisions_total} with tags
 * {@code flow}, {@code node}, {@code policy} and {@code outcome} ({@code masked},
 * {@code masked-for-destination}, {@code allowed}, {@code blocked}). One map look-up per decision.
 */
final class PolicyMeters implements PolicyListener {
    static final String DECISIONS = "switchboard.policy.decisions";

    private final MeterRegistry registry;
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    PolicyMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void decided(PolicyDecision d) {
        counters.computeIfAbsent(
                        List.of(d.flowId(), d.nodeId(), d.policy(), d.outcome()),
                        key -> Counter.builder(DECISIONS)
                                .description(
                                        "Decisions of the central policies (policies.json), per flow, node, policy and outcome")
                                .tag("flow", d.flowId())
                                .tag("node", d.nodeId())
                                .tag("policy", d.policy())
                                .tag("outcome", d.outcome())
                                .register(registry))
                .increment();
    }

    void removeAll() {
        counters.values().forEach(registry::remove);
        counters.clear();
    }
}
