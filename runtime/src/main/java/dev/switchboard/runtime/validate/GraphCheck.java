package dev.switchboard.runtime.validate;

import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.support.Quote;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checks how nodes are wired: ends that exist, ports they have, no input to triggers, no duplicates, no loops. */
final class GraphCheck {
    /** Nodes a loop message names before it abbreviates the middle. */
    private static final int MAX_LOOP_SHOWN = 10;

    /**
     * What node checks learned about one node.
     *
     * @param spec its connector's spec, null when the type is unknown
     * @param ports its output ports, null when they cannot be known (unknown type, broken config of a dynamic-port node)
     */
    record NodeFacts(int index, Node node, ConnectorSpec spec, List<String> ports) {
        boolean isTrigger() {
            return spec != null && spec.kind() == ConnectorKind.TRIGGER;
        }
    }

    private final Flow flow;
    private final Map<String, NodeFacts> byId;
    private final List<Problem> problems = new ArrayList<>();

    private GraphCheck(Flow flow, Map<String, NodeFacts> byId) {
        this.flow = flow;
        this.byId = byId;
    }

    /** @param byId the first node of each id (duplicates are reported by the node checks) */
    static List<Problem> check(Flow flow, Map<String, NodeFacts> byId) {
        GraphCheck check = new GraphCheck(flow, byId);
        List<Integer> usable = check.checkWires();
        check.findLoops(usable);
        check.warnAboutLooseEnds();
        return check.problems;
    }

    /** Reports bad wires; returns the indexes of the wires whose both ends exist. */
    private List<Integer> checkWires() {
        List<Integer> usable = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int k = 0; k < flow.wires().size(); k++) {
            Wire wire = flow.wires().get(k);
            String at = Pointers.wire(k);
            NodeFacts from = byId.get(wire.from());
            NodeFacts to = byId.get(wire.to());
            if (from == null && !wire.from().isEmpty()) {
                problems.add(Problem.nodeError(
                        at + "/from",
                        null,
                        null,
                        "The wire starts at " + Quote.single(wire.from()) + ", but no node has that id."
                                + Suggestions.didYouMean(wire.from(), byId.keySet())));
            }
            if (to == null && !wire.to().isEmpty()) {
                problems.add(Problem.nodeError(
                        at + "/to",
                        null,
                        null,
                        "The wire leads to " + Quote.single(wire.to()) + ", but no node has that id."
                                + Suggestions.didYouMean(wire.to(), byId.keySet())));
            }
            if (from == null || to == null) {
                continue;
            }
            boolean ok = checkPort(wire, from, at);
            if (to.isTrigger()) {
                ok = false;
                problems.add(Problem.nodeError(
                        at + "/to",
                        to.node().id(),
                        null,
                        "The wire leads into " + Quote.single(to.node().id()) + ", a trigger ("
                                + to.spec().id() + "): triggers start a flow and take no input"));
            }
            String key = wire.from() + "\u0000" + wire.effectivePort() + "\u0000" + wire.to();
            Integer earlier = seen.putIfAbsent(key, k);
            if (earlier != null) {
                ok = false;
                problems.add(Problem.nodeError(
                        at,
                        from.node().id(),
                        null,
                        "Duplicate wire " + describe(wire) + ": the same wire is already at "
                                + Pointers.wire(earlier)));
            }
            if (ok) {
                usable.add(k);
            }
        }
        return usable;
    }

    private boolean checkPort(Wire wire, NodeFacts from, String at) {
        if (from.ports() == null || from.ports().contains(wire.effectivePort())) {
            return true;
        }
        String type = from.spec().id();
        String ports =
                from.ports().isEmpty() ? "it has no output ports" : "its ports: " + String.join(", ", from.ports());
        if (wire.port() == null) {
            problems.add(Problem.nodeError(
                    at,
                    from.node().id(),
                    null,
                    Quote.single(from.node().id()) + " (" + type
                            + ") has no 'out' port, so the wire must name one with \"port\"; " + ports));
        } else {
            problems.add(Problem.nodeError(
                    at + "/port",
                    from.node().id(),
                    null,
                    Quote.single(from.node().id()) + " (" + type
                            + ") has no output port " + Quote.single(wire.port()) + "."
                            + Suggestions.didYouMean(wire.port(), from.ports())
                            + " " + capitalise(ports)));
        }
        return false;
    }

    /**
     * Depth-first search; each back edge closes a loop, reported once per set of nodes. Iterative,
     * with its own stack: a chain of 10,000 nodes must not overflow the thread's.
     */
    private void findLoops(List<Integer> usable) {
        Map<String, List<Integer>> outgoing = new HashMap<>();
        for (int k : usable) {
            if (!carries(flow.wires().get(k))) {
                continue; // a disabled node passes nothing on, so no event can circle through it
            }
            outgoing.computeIfAbsent(flow.wires().get(k).from(), id -> new ArrayList<>())
                    .add(k);
        }
        Set<String> done = new HashSet<>();
        Set<Set<String>> reported = new HashSet<>();
        for (Node node : flow.nodes()) {
            if (!done.contains(node.id())) {
                visit(node.id(), outgoing, done, reported);
            }
        }
    }

    /** One node on the search path and how many of its outgoing wires have been followed. */
    private static final class Frame {
        final String id;
        final List<Integer> wires;
        int next;

        Frame(String id, List<Integer> wires) {
            this.id = id;
            this.wires = wires;
        }
    }

    private void visit(String start, Map<String, List<Integer>> outgoing, Set<String> done, Set<Set<String>> reported) {
        Deque<Frame> stack = new ArrayDeque<>();
        Deque<String> path = new ArrayDeque<>();
        Set<String> onPath = new HashSet<>();
        stack.push(new Frame(start, outgoing.getOrDefault(start, List.of())));
        path.addLast(start);
        onPath.add(start);
        while (!stack.isEmpty()) {
            Frame frame = stack.peek();
            if (frame.next == frame.wires.size()) {
                stack.pop();
                path.removeLast();
                onPath.remove(frame.id);
                done.add(frame.id);
                continue;
            }
            int k = frame.wires.get(frame.next++);
            String next = flow.wires().get(k).to();
            if (onPath.contains(next)) {
                reportLoop(path, next, k, reported);
            } else if (!done.contains(next)) {
                stack.push(new Frame(next, outgoing.getOrDefault(next, List.of())));
                path.addLast(next);
                onPath.add(next);
            }
        }
    }

    private void reportLoop(Deque<String> path, String start, int closingWire, Set<Set<String>> reported) {
        List<String> loop = new ArrayList<>();
        boolean inLoop = false;
        for (String id : path) {
            inLoop = inLoop || id.equals(start);
            if (inLoop) {
                loop.add(id);
            }
        }
        if (!reported.add(new TreeSet<>(loop))) {
            return;
        }
        loop.add(start);
        problems.add(Problem.nodeError(
                Pointers.wire(closingWire),
                start,
                null,
                "These wires form a loop, so events would circle forever: " + describeLoop(loop)));
    }

    private void warnAboutLooseEnds() {
        Set<String> hasOutgoing = new HashSet<>();
        Set<String> hasIncoming = new HashSet<>();
        Set<String> carriesOut = new HashSet<>();
        Set<String> carriesIn = new HashSet<>();
        for (Wire wire : flow.wires()) {
            hasOutgoing.add(wire.from());
            hasIncoming.add(wire.to());
            if (carries(wire)) {
                carriesOut.add(wire.from());
                carriesIn.add(wire.to());
            }
        }
        for (NodeFacts facts : byId.values()) {
            if (facts.spec() == null) {
                continue;
            }
            String id = facts.node().id();
            if (facts.isTrigger() && !carriesOut.contains(id)) {
                problems.add(Problem.warning(
                        Pointers.node(facts.index()),
                        id,
                        hasOutgoing.contains(id)
                                ? "Trigger " + Quote.single(id)
                                        + " is wired only to disabled nodes, so its events go nowhere"
                                : "Trigger " + Quote.single(id)
                                        + " is not wired to anything, so its events go nowhere"));
            } else if (!facts.isTrigger() && !carriesIn.contains(id)) {
                problems.add(Problem.warning(
                        Pointers.node(facts.index()),
                        id,
                        hasIncoming.contains(id)
                                ? "Only disabled nodes are wired into " + Quote.single(id)
                                        + ", so it never receives events"
                                : "Nothing is wired into " + Quote.single(id) + ", so it never receives events"));
            }
        }
    }

    /** Whether events can pass along the wire: neither end is a disabled node. */
    private boolean carries(Wire wire) {
        NodeFacts from = byId.get(wire.from());
        NodeFacts to = byId.get(wire.to());
        return from != null
                && to != null
                && !from.node().disabled()
                && !to.node().disabled();
    }

    /** {@code a → b → a}; a long loop by its first and last few nodes and its length. */
    private static String describeLoop(List<String> loop) {
        if (loop.size() <= MAX_LOOP_SHOWN) {
            return String.join(" → ", loop.stream().map(Quote::shorten).toList());
        }
        List<String> head =
                loop.subList(0, MAX_LOOP_SHOWN / 2).stream().map(Quote::shorten).toList();
        List<String> tail = loop.subList(loop.size() - MAX_LOOP_SHOWN / 2, loop.size()).stream()
                .map(Quote::shorten)
                .toList();
        return String.join(" → ", head) + " → … → " + String.join(" → ", tail) + " (" + (loop.size() - 1) + " nodes)";
    }

    private static String describe(Wire wire) {
        return Quote.shorten(wire.from()) + (wire.port() == null ? "" : " [" + Quote.shorten(wire.port()) + "]") + " → "
                + Quote.shorten(wire.to());
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
