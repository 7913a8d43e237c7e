package dev.switchboard.runtime.live;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.runtime.engine.RunListener;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.engine.StepRecord;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.secrets.SecretMask;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the designer shows while flows run: per-node counters and the newest messages (one per
 * step of a run). Cheap on the flow threads — counters are adders, messages keep references to
 * the immutable events and go into a bounded ring under a short lock — and read by the UI with
 * {@link #snapshot(long)}, paging by seq.
 *
 * <p>Counting per step: every step counts {@code in}; a step with an error, or that left through
 * {@code error}, counts {@code errors}; a step that left through another port counts
 * {@code filtered} when that port is unwired in the watched flow and is not {@code out} (where the
 * engine marks the run filtered), else {@code out}. A run that failed without any step carrying
 * an error (no dead-letter store and no error port) is charged to its last step that did not
 * leave, with the run's error. A step's warning (a data contract with enforcement {@code warn}) is
 * counted apart: the event went on, so it is no error.
 */
public final class LiveMonitor implements RunListener {
    public static final int DEFAULT_CAPACITY = 500;
    private static final String ERROR_PORT_WITHOUT_MESSAGE = "routed to the error port";

    private final Map<String, Map<String, Set<String>>> wiredPorts = new ConcurrentHashMap<>();
    private final Map<NodeKey, NodeCounters> counters = new ConcurrentHashMap<>();
    private final MessageRing ring;
    private final SecretMask mask;

    /** @param capacity how many messages are kept; the oldest fall out */
    public LiveMonitor(int capacity) {
        this(capacity, new SecretMask());
    }

    /**
     * @param mask the engine's {@link SecretMask}: messages and errors are masked like run history,
     *     so what the designer shows never holds a resolved secret
     */
    public LiveMonitor(int capacity, SecretMask mask) {
        this.ring = new MessageRing(capacity);
        this.mask = mask;
    }

    /** (Re)learns a deployed flow's wiring: call on deploy and hot-replace. */
    public void watch(Flow flow) {
        Map<String, Set<String>> ports = new HashMap<>();
        for (Wire wire : flow.carryingWires()) {
            ports.computeIfAbsent(wire.from(), k -> new HashSet<>()).add(wire.effectivePort());
        }
        Map<String, Set<String>> frozen = new HashMap<>();
        ports.forEach((node, set) -> frozen.put(node, Set.copyOf(set)));
        wiredPorts.put(flow.id(), Map.copyOf(frozen));
        for (Node node : flow.nodes()) {
            counters(flow.id(), node.id());
        }
    }

    /** The flow stopped: its wiring is dropped; its counters stay until {@link #reset()}. */
    public void forget(String flowId) {
        wiredPorts.remove(flowId);
    }

    /** At least 1; shrinking drops the oldest messages at once. */
    public void setCapacity(int capacity) {
        ring.resize(capacity);
    }

    public int capacity() {
        return ring.capacity();
    }

    /** How many messages are held now: never more than {@link #capacity()}. */
    public int heldMessages() {
        return ring.size();
    }

    /** Zeroes every counter (nodes of flows no longer watched disappear) and clears the messages; seq keeps growing. */
    public void reset() {
        counters.keySet().removeIf(key -> !wiredPorts.containsKey(key.flowId()));
        counters.values().forEach(NodeCounters::reset);
        ring.clear();
    }

    /** Every node's counters and the messages after {@code afterSeq}; thread-safe. */
    public LiveSnapshot snapshot(long afterSeq) {
        MessageRing.Page page = ring.after(Math.max(0, afterSeq));
        Map<NodeKey, NodeStats> nodes = new HashMap<>();
        counters.forEach((key, node) -> nodes.put(key, node.stats()));
        return new LiveSnapshot(nodes, page.messages(), page.lastSeq(), page.dropped());
    }

    @Override
    public void onRunFinished(RunRecord run) {
        List<StepRecord> steps = run.steps();
        if (steps.isEmpty()) {
            return;
        }
        Map<String, Set<String>> wiring = wiredPorts.get(run.flowId());
        int failedStep = unrecordedFailure(run);
        String[] errors = new String[steps.size()];
        String[] warnings = new String[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            StepRecord step = steps.get(i);
            String error = mask.mask(i == failedStep ? run.error() : step.error());
            errors[i] = error;
            Instant at = step.at() != null ? step.at() : run.startedAt();
            NodeCounters node = counters(run.flowId(), step.nodeId());
            node.entered(at);
            if (step.warning() != null) {
                warnings[i] = mask.mask(step.warning());
                node.warned(warnings[i]);
            }
            String port = step.port();
            if (error != null || PortSpec.ERROR.equals(port)) {
                node.failed(error != null ? error : mask.mask(errorOf(step.output())), at);
            } else if (port != null) {
                node.left(wiring != null && !PortSpec.OUT.equals(port) && !isWired(wiring, step.nodeId(), port));
            }
        }
        synchronized (ring) {
            for (int i = 0; i < steps.size(); i++) {
                StepRecord step = steps.get(i);
                ring.put(new LiveMessage(
                        ring.nextSeq(),
                        step.at() != null ? step.at() : run.startedAt(),
                        run.flowId(),
                        step.nodeId(),
                        step.port(),
                        run.runId(),
                        run.eventId(),
                        mask.mask(step.input()),
                        mask.mask(step.output()),
                        errors[i],
                        warnings[i],
                        run.status()));
            }
        }
    }

    /**
     * The step a failed run stopped at when no step recorded why (the engine without dead letters
     * or error port fails the run without tracing the node): its last step that did not leave; -1 if none.
     */
    private static int unrecordedFailure(RunRecord run) {
        if (run.status() != RunRecord.RunStatus.FAILED || run.error() == null) {
            return -1;
        }
        List<StepRecord> steps = run.steps();
        int candidate = -1;
        for (int i = steps.size() - 1; i >= 0; i--) {
            StepRecord step = steps.get(i);
            if (step.error() != null) {
                return -1;
            }
            if (candidate < 0 && step.port() == null) {
                candidate = i;
            }
        }
        return candidate;
    }

    private static boolean isWired(Map<String, Set<String>> wiring, String nodeId, String port) {
        Set<String> ports = wiring.get(nodeId);
        return ports != null && ports.contains(port);
    }

    private static String errorOf(Event routed) {
        String error = routed == null ? null : routed.extensions().get("error");
        return error != null ? error : ERROR_PORT_WITHOUT_MESSAGE;
    }

    private NodeCounters counters(String flowId, String nodeId) {
        NodeKey key = new NodeKey(flowId, nodeId);
        NodeCounters node = counters.get(key);
        return node != null ? node : counters.computeIfAbsent(key, NodeCounters::new);
    }
}
