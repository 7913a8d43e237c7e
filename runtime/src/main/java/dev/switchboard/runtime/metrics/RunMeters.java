package dev.switchboard.runtime.metrics;

import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.runtime.engine.RunListener;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.engine.StepRecord;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What Camel does not know, from the runtime's {@link RunListener}: how runs ended, per flow
 * (success, filtered, failed, retrying, dead-lettered), how long they took, and per node the
 * events that left through a port ({@code out}), left through an unwired port other than
 * {@code out} ({@code filtered}, as the engine marks a run filtered) or failed there.
 *
 * <p>On the flow's thread: two map look-ups and lock-free counter increments per step; meters
 * are made only for flows that are deployed, and {@link #sync} drops those of flows (and nodes)
 * that are gone.
 */
final class RunMeters implements RunListener {
    static final String RUNS = "switchboard.runs";
    static final String RUN_DURATION = "switchboard.run.duration";
    static final String EVENTS_OUT = "switchboard.node.events.out";
    static final String EVENTS_FILTERED = "switchboard.node.events.filtered";
    static final String EVENTS_FAILED = "switchboard.node.events.failed";
    static final String CONTRACT_WARNINGS = "switchboard.node.contract.warnings";

    /** Run latency buckets: from a millisecond to a minute. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60)
    };

    private final MeterRegistry registry;
    /** The deployed version of a flow, by id: asked only when a flow has no meters yet. */
    private final Function<String, Flow> deployed;

    private final Map<String, FlowMeters> flows = new ConcurrentHashMap<>();

    RunMeters(MeterRegistry registry, Function<String, Flow> deployed) {
        this.registry = registry;
        this.deployed = deployed;
    }

    @Override
    public void onRunFinished(RunRecord run) {
        FlowMeters meters = flows.get(run.flowId());
        if (meters == null) {
            Flow flow = deployed.apply(run.flowId());
            if (flow == null) {
                return; // a run that ended after its flow was undeployed: no series for a flow that is gone
            }
            meters = flows.computeIfAbsent(run.flowId(), id -> new FlowMeters(flow));
        }
        meters.record(run);
    }

    /**
     * Brings the meters in line with what is deployed now: drops the flows that are gone, and
     * for a replaced flow the nodes it no longer has (and learns its new wiring).
     *
     * @return the ids of the flows whose meters were dropped
     */
    synchronized Set<String> sync(Map<String, Flow> deployedNow) {
        Set<String> dropped = new HashSet<>();
        for (String flowId : List.copyOf(flows.keySet())) {
            Flow flow = deployedNow.get(flowId);
            if (flow == null) {
                FlowMeters gone = flows.remove(flowId);
                if (gone != null) {
                    gone.remove();
                    dropped.add(flowId);
                }
            } else {
                flows.get(flowId).update(flow);
            }
        }
        for (Flow flow : deployedNow.values()) {
            flows.computeIfAbsent(flow.id(), id -> new FlowMeters(flow));
        }
        return dropped;
    }

    void removeAll() {
        flows.values().forEach(FlowMeters::remove);
        flows.clear();
    }

    private final class FlowMeters {
        private final String flowId;
        private final Map<RunRecord.RunStatus, Counter> runs = new EnumMap<>(RunRecord.RunStatus.class);
        private final Timer duration;
        private final Map<String, NodeMeters> nodes = new ConcurrentHashMap<>();
        private volatile Flow flow;
        private volatile Map<String, Set<String>> wiredPorts;

        FlowMeters(Flow flow) {
            this.flowId = flow.id();
            for (RunRecord.RunStatus status : RunRecord.RunStatus.values()) {
                runs.put(
                        status,
                        Counter.builder(RUNS)
                                .description("Runs (one event in one flow) that ended, by how they ended")
                                .tags("flow", flowId, "status", status.name().toLowerCase(Locale.ROOT))
                                .register(registry));
            }
            duration = Timer.builder(RUN_DURATION)
                    .description("How long runs took, from the event leaving its trigger to the end of the run")
                    .tags("flow", flowId)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry);
            update(flow);
        }

        void update(Flow now) {
            if (now == flow) {
                return;
            }
            Map<String, Set<String>> ports = new HashMap<>();
            for (Wire wire : now.carryingWires()) {
                ports.computeIfAbsent(wire.from(), k -> new HashSet<>()).add(wire.effectivePort());
            }
            Map<String, Set<String>> frozen = new HashMap<>();
            ports.forEach((node, set) -> frozen.put(node, Set.copyOf(set)));
            wiredPorts = Map.copyOf(frozen);
            Set<String> nodeIds = new HashSet<>();
            for (Node node : now.nodes()) {
                nodeIds.add(node.id());
                nodes.computeIfAbsent(node.id(), NodeMeters::new);
            }
            for (String nodeId : List.copyOf(nodes.keySet())) {
                if (!nodeIds.contains(nodeId)) {
                    NodeMeters gone = nodes.remove(nodeId);
                    if (gone != null) {
                        gone.remove();
                    }
                }
            }
            flow = now;
        }

        void record(RunRecord run) {
            runs.get(run.status()).increment();
            duration.record(run.durationNanos(), TimeUnit.NANOSECONDS);
            Map<String, Set<String>> wiring = wiredPorts;
            for (StepRecord step : run.steps()) {
                NodeMeters node = nodes.get(step.nodeId());
                if (node == null) {
                    continue; // a node a newer version of the flow no longer has
                }
                if (step.warning() != null) {
                    node.contractWarnings.increment();
                }
                String port = step.port();
                if (step.error() != null || PortSpec.ERROR.equals(port)) {
                    node.failed.increment();
                } else if (port != null) {
                    Set<String> wired = wiring.get(step.nodeId());
                    boolean unwired = wired == null || !wired.contains(port);
                    (unwired && !PortSpec.OUT.equals(port) ? node.filtered : node.out).increment();
                }
            }
        }

        void remove() {
            runs.values().forEach(registry::remove);
            registry.remove(duration);
            nodes.values().forEach(NodeMeters::remove);
            nodes.clear();
        }

        private final class NodeMeters {
            final Counter out;
            final Counter filtered;
            final Counter failed;
            final Counter contractWarnings;

            NodeMeters(String nodeId) {
                out = counter(EVENTS_OUT, nodeId, "Events that left the node through a port");
                filtered = counter(
                        EVENTS_FILTERED,
                        nodeId,
                        "Events that left the node through an unwired port other than out (filtered)");
                failed = counter(
                        EVENTS_FAILED, nodeId, "Events the node failed (each try counts) or sent to its error port");
                contractWarnings = counter(
                        CONTRACT_WARNINGS,
                        nodeId,
                        "Events that broke the node's data contract and went on (enforcement warn)");
            }

            private Counter counter(String name, String nodeId, String description) {
                return Counter.builder(name)
                        .description(description)
                        .tags("flow", flowId, "node", nodeId)
                        .register(registry);
            }

            void remove() {
                List<Meter> meters = new ArrayList<>(List.of(out, filtered, failed, contractWarnings));
                meters.forEach(registry::remove);
            }
        }
    }
}
