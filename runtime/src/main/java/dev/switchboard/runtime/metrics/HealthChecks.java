package dev.switchboard.runtime.metrics;

import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.StatusBoard;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.Store;
import dev.switchboard.runtime.store.StoreStats;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;

/**
 * Liveness and readiness of a runtime, as the admin server answers them.
 *
 * <ul>
 *   <li>{@link #live()}: the process answers — always 200 while it can run this code.
 *   <li>{@link #ready()}: 200 when every check is UP, else 503 — the engine is running (not
 *       shutting down); every expected flow is deployed and each route of every deployed flow
 *       started (a trigger that starts when its broker is reachable has not, yet); the store
 *       answers a {@code SELECT 1}; every node that reports a connection status is UP.
 * </ul>
 *
 * Body: {@code {"status": "UP"|"DOWN", "checks": [{"name": …, "status": …, "reason": …}]}}, a
 * reason only on a check that is DOWN. Each call reads the engine and pings the store once: no
 * caching, so the answer is never stale; the ping is bounded by a query timeout.
 */
public final class HealthChecks {
    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    private final Engine engine;
    private final StoreStats store;
    private final Supplier<? extends Collection<String>> expectedFlows;
    private final List<Supplier<Check>> extraChecks = new CopyOnWriteArrayList<>();

    /** One check's outcome; {@code reason} null when UP; {@code detail} what an operator may want to see, or null. */
    public record Check(String name, String status, String reason, String detail) {
        public Check(String name, String status, String reason) {
            this(name, status, reason, null);
        }

        public static Check up(String name) {
            return new Check(name, UP, null);
        }

        public static Check up(String name, String detail) {
            return new Check(name, UP, null, detail);
        }

        public static Check down(String name, String reason) {
            return new Check(name, DOWN, reason);
        }

        public boolean isUp() {
            return UP.equals(status);
        }
    }

    /** Every check, and UP only when all are. */
    public record Report(String status, List<Check> checks) {
        public boolean isUp() {
            return UP.equals(status);
        }
    }

    /**
     * @param store null for an engine without a store (the store check is then left out)
     * @param expectedFlows the ids of the flows that should run (what {@code run} was given and
     *     loaded); asked at every check
     */
    public HealthChecks(Engine engine, Store store, Supplier<? extends Collection<String>> expectedFlows) {
        this.engine = engine;
        this.store = store == null ? null : new StoreStats(store);
        this.expectedFlows = expectedFlows;
    }

    /** Checks for a durable runtime that should run {@code expectedFlowIds}. */
    public static HealthChecks of(DurableRuntime runtime, Collection<String> expectedFlowIds) {
        Set<String> expected = Set.copyOf(expectedFlowIds);
        return new HealthChecks(runtime.engine(), runtime.store(), () -> expected);
    }

    /** Adds a readiness check of a part only some runtimes have (cluster mode: the event log consumer). */
    public HealthChecks with(Supplier<Check> check) {
        extraChecks.add(check);
        return this;
    }

    /** The answer to the liveness probe: 200 {@code {"status": "UP", "checks": []}}. */
    public EndpointAnswer live() {
        return answer(new Report(UP, List.of()));
    }

    /** The answer to the readiness probe: 200 when ready, else 503, with every check. */
    public EndpointAnswer ready() {
        return answer(readiness());
    }

    /** The readiness checks, for a caller that wants them as values. */
    public Report readiness() {
        List<Check> checks = new ArrayList<>();
        checks.add(engine.isClosing() ? Check.down("engine", "the runtime is shutting down") : Check.up("engine"));
        checks.add(flows());
        if (store != null) {
            checks.add(store());
        }
        checks.add(connections());
        extraChecks.forEach(check -> checks.add(check.get()));
        boolean up = checks.stream().allMatch(Check::isUp);
        return new Report(up ? UP : DOWN, List.copyOf(checks));
    }

    private Check flows() {
        List<String> problems = new ArrayList<>();
        List<Flow> deployed = engine.deployedFlows();
        Set<String> deployedIds = new TreeSet<>();
        deployed.forEach(flow -> deployedIds.add(flow.id()));
        for (String expected : new TreeSet<>(expectedFlows.get())) {
            if (!deployedIds.contains(expected)) {
                problems.add("flow '" + expected + "' is not deployed");
            }
        }
        for (Route route : engine.camel().getRoutes()) {
            String flow = route.getGroup();
            if (flow == null || !deployedIds.contains(flow)) {
                continue;
            }
            ServiceStatus status = engine.camel().getRouteController().getRouteStatus(route.getRouteId());
            if (status != ServiceStatus.Started
                    && !(status == ServiceStatus.Stopped && engine.runsElsewhere(route.getRouteId()))) {
                problems.add("route '" + route.getRouteId() + "' is "
                        + (status == null ? "unknown" : status.name().toLowerCase(Locale.ROOT)));
            }
        }
        return problems.isEmpty() ? Check.up("flows") : Check.down("flows", String.join("; ", problems));
    }

    private Check store() {
        try {
            store.ping();
            return Check.up("store");
        } catch (RuntimeException e) {
            return Check.down("store", e.getMessage());
        }
    }

    private Check connections() {
        List<String> problems = new ArrayList<>();
        for (Flow flow : engine.deployedFlows()) {
            for (Map.Entry<String, StatusBoard.Status> node :
                    engine.nodeStatuses(flow.id()).entrySet()) {
                StatusBoard.Status status = node.getValue();
                if (status.state() != StatusBoard.State.UP) {
                    problems.add(flow.id() + "/" + node.getKey() + " is "
                            + status.state().name().toLowerCase(Locale.ROOT) + ": " + status.message());
                }
            }
        }
        return problems.isEmpty() ? Check.up("connections") : Check.down("connections", String.join("; ", problems));
    }

    private static EndpointAnswer answer(Report report) {
        return new EndpointAnswer(report.isUp() ? 200 : 503, EndpointAnswer.JSON, json(report));
    }

    static String json(Report report) {
        StringBuilder out = new StringBuilder(128);
        out.append("{\"status\": ").append(quote(report.status())).append(", \"checks\": [");
        for (int i = 0; i < report.checks().size(); i++) {
            Check check = report.checks().get(i);
            out.append(i == 0 ? "" : ", ")
                    .append("{\"name\": ")
                    .append(quote(check.name()))
                    .append(", \"status\": ")
                    .append(quote(check.status()));
            if (check.reason() != null) {
                out.append(", \"reason\": ").append(quote(check.reason()));
            }
            if (check.detail() != null) {
                out.append(", \"detail\": ").append(quote(check.detail()));
            }
            out.append('}');
        }
        return out.append("]}").toString();
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
