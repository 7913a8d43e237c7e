package dev.switchboard.runtime.cluster;

import dev.switchboard.runtime.admin.DeployedFlows;
import dev.switchboard.runtime.admin.FlowDeployments;
import dev.switchboard.runtime.admin.FlowDeployments.Known;
import dev.switchboard.runtime.admin.FlowDeployments.Outcome;
import dev.switchboard.runtime.admin.FlowDeployments.Status;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.MalformedFlowException;
import dev.switchboard.runtime.metrics.HealthChecks;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.store.Store;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flows deployed cluster-wide: in cluster mode the flow definitions live in the shared store
 * ({@link SharedFlows}), and this runtime's engine ({@link FlowDeployments}, no folder) follows them.
 *
 * <p>A change through this runtime's admin API (deploy, delete, stop, start) is made while the table
 * is locked against other writers: the stored revision must be the one this runtime runs (else the
 * change is refused as a conflict, nothing changed), the change is validated and made in the local
 * engine first — a flow with a problem or one that does not start changes nothing anywhere — and
 * only then written with the next revision. Every runtime polls the revisions every {@code
 * pollEvery} and makes each changed flow run here as stored, with the engine's hot-replace (no
 * accepted event lost). A stored revision that does not start here is logged and reported by
 * {@link #health()}; the previous version runs on.
 */
public final class ClusterDeployments implements DeployedFlows, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterDeployments.class);
    public static final Duration DEFAULT_POLL_EVERY = Duration.ofSeconds(1);
    /** A revision this runtime must read again from the store (a change whose commit failed). */
    private static final long UNKNOWN = -1;

    private final FlowDeployments local;
    private final SharedFlows shared;
    private final String member;
    private final Duration pollEvery;
    /** Per flow id, the newest stored revision this runtime has seen and acted on (deleted flows too). */
    private final Map<String, Long> seen = new HashMap<>();
    /** Per flow id, the revision of the version this runtime runs or keeps stopped. */
    private final Map<String, Long> running = new HashMap<>();
    /** Per flow id, why its newest stored revision does not run here. */
    private final Map<String, String> failures = new TreeMap<>();

    private final Map<String, Long> startingRevisions = new HashMap<>();
    private volatile String pollProblem;
    private ScheduledExecutorService poller;

    public ClusterDeployments(FlowDeployments local, Store store, String member, Duration pollEvery) {
        this.local = local;
        this.shared = new SharedFlows(store);
        this.member = member;
        this.pollEvery = pollEvery;
    }

    /**
     * At start-up, before the engine runs anything: stores each flow given on the command line that
     * the cluster does not know yet (as revision 1), then reads every stored flow. Stopped ones are
     * kept stopped here; the running ones are returned for {@link #deployAtStart}. A flow the cluster
     * knows already runs as stored (deleted ones stay deleted): the store is the newer word.
     *
     * @param lines where to say which version of a given flow runs
     */
    public synchronized List<Flow> load(List<Flow> given, Consumer<String> lines)
            throws SQLException, FlowCompileException {
        for (Flow flow : given) {
            if (shared.seed(flow.id(), FlowCodec.write(flow), member)) {
                lines.accept("Flow '" + flow.id() + "': stored in the cluster's shared store as revision 1");
            } else {
                lines.accept("Flow '" + flow.id() + "': the cluster has it already; running the stored version,"
                        + " not the one given on the command line");
            }
        }
        List<Flow> toStart = new ArrayList<>();
        for (SharedFlows.Row listed : shared.revisions()) {
            Optional<SharedFlows.Row> row = shared.read(listed.id());
            if (row.isEmpty()) {
                continue;
            }
            String id = listed.id();
            long revision = row.get().revision();
            seen.put(id, revision);
            if (row.get().state() == SharedFlows.State.DELETED) {
                continue;
            }
            Flow flow;
            try {
                flow = FlowCodec.read(row.get().definition());
            } catch (MalformedFlowException e) {
                fail(id, revision, "cannot be read: " + e.getMessage());
                continue;
            }
            if (row.get().state() == SharedFlows.State.RUNNING) {
                startingRevisions.put(id, revision);
                toStart.add(flow);
            } else {
                local.adopt(flow, Status.STOPPED);
                running.put(id, revision);
            }
        }
        return toStart;
    }

    /** Polls the store for changes made through other runtimes from now on. */
    public synchronized void startWatching() {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switchboard-cluster-flows");
            t.setDaemon(true);
            return t;
        });
        long millis = pollEvery.toMillis();
        poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void deployAtStart(Flow flow) throws FlowCompileException {
        local.deployAtStart(flow);
        Long revision = startingRevisions.remove(flow.id());
        if (revision != null) {
            running.put(flow.id(), revision);
        }
    }

    @Override
    public synchronized List<Known> list() {
        return local.list().stream().map(this::withRevision).toList();
    }

    @Override
    public synchronized Optional<Known> find(String id) {
        return local.find(id).map(this::withRevision);
    }

    private Known withRevision(Known known) {
        return new Known(
                known.flow(), known.status(), running.getOrDefault(known.flow().id(), 0L));
    }

    @Override
    public synchronized Outcome deploy(String id, String text) throws IOException {
        try {
            return change(id, (c, next) -> {
                Outcome outcome = local.deploy(id, text);
                if (outcome.deployed()) {
                    written(c, id, FlowCodec.write(outcome.flow()), next, SharedFlows.State.RUNNING);
                }
                return outcome;
            });
        } catch (FlowCompileException e) {
            throw new IllegalStateException("A deploy reports its compile failure in its outcome", e);
        }
    }

    @Override
    public synchronized boolean delete(String id) throws IOException {
        try {
            return change(id, (c, next) -> {
                if (!local.delete(id)) {
                    return false;
                }
                written(c, id, null, next, SharedFlows.State.DELETED);
                running.remove(id);
                return true;
            });
        } catch (FlowCompileException e) {
            throw new IllegalStateException("A delete compiles nothing", e);
        }
    }

    @Override
    public synchronized Optional<Known> stop(String id) {
        try {
            return changeState(id, Status.STOPPED);
        } catch (FlowCompileException e) {
            throw new IllegalStateException("A stop compiles nothing", e);
        }
    }

    @Override
    public synchronized Optional<Known> start(String id) throws FlowCompileException {
        return changeState(id, Status.RUNNING);
    }

    private Optional<Known> changeState(String id, Status wanted) throws FlowCompileException {
        Optional<Known> known = local.find(id);
        if (known.isEmpty() || known.get().status() == wanted) {
            return known.map(this::withRevision);
        }
        try {
            return change(id, (c, next) -> {
                Optional<Known> changed = wanted == Status.RUNNING ? local.start(id) : local.stop(id);
                SharedFlows.State state =
                        wanted == Status.RUNNING ? SharedFlows.State.RUNNING : SharedFlows.State.STOPPED;
                written(c, id, FlowCodec.write(known.get().flow()), next, state);
                return changed.map(this::withRevision);
            });
        } catch (IOException e) {
            throw new IllegalStateException("A stop or start writes no file", e);
        }
    }

    private void written(Connection c, String id, String definition, long revision, SharedFlows.State state)
            throws SQLException {
        shared.write(c, id, definition, revision, state, member);
        seen.put(id, revision);
        running.put(id, revision);
        failures.remove(id);
    }

    /** A change of this runtime's engine and the store's row, made while the table is locked. */
    @FunctionalInterface
    private interface LocalChange<T> {
        T apply(Connection c, long nextRevision) throws Exception;
    }

    private <T> T change(String id, LocalChange<T> work) throws IOException, FlowCompileException {
        try {
            return shared.change(c -> {
                Optional<SharedFlows.Row> stored = shared.read(c, id);
                long storedRevision = stored.map(SharedFlows.Row::revision).orElse(0L);
                long known = seen.getOrDefault(id, 0L);
                if (storedRevision != known) {
                    SharedFlows.Row row = stored.orElseThrow();
                    throw new FlowChangeConflictException("Flow '" + id + "' was changed meanwhile through "
                            + row.updatedBy() + " at " + row.updatedAt() + " (revision " + storedRevision
                            + "; this runtime knew revision " + known + "): nothing was changed; this runtime"
                            + " takes that change within " + pollEvery.toMillis() + " ms, look at it and try again");
                }
                return work.apply(c, storedRevision + 1);
            });
        } catch (SQLException e) {
            // the engine may run what the store did not take: the next poll makes it run the stored version again
            seen.put(id, UNKNOWN);
            throw new Store.StoreException(
                    "Could not write flow '" + id + "' to the cluster's shared store: " + e.getMessage(), e);
        } catch (IOException | FlowCompileException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not change flow '" + id + "': " + e, e);
        }
    }

    private void poll() {
        try {
            sync();
            pollProblem = null;
        } catch (SQLException | RuntimeException e) {
            if (pollProblem == null) {
                LOG.warn(
                        "Cannot read the cluster's flow definitions (trying again every {} ms): {}",
                        pollEvery.toMillis(),
                        e.toString());
            }
            pollProblem = e.getMessage();
        }
    }

    /** Makes every flow whose stored revision changed run here as stored; the poller calls it. */
    synchronized void sync() throws SQLException {
        Set<String> stored = new HashSet<>();
        for (SharedFlows.Row listed : shared.revisions()) {
            stored.add(listed.id());
            Long known = seen.get(listed.id());
            if (known == null || known != listed.revision()) {
                Optional<SharedFlows.Row> row = shared.read(listed.id());
                if (row.isPresent()) {
                    apply(row.get());
                }
            }
        }
        for (String id : List.copyOf(seen.keySet())) {
            if (!stored.contains(id)) { // a row removed by hand: as good as deleted
                local.forget(id);
                seen.remove(id);
                running.remove(id);
                failures.remove(id);
            }
        }
    }

    private void apply(SharedFlows.Row row) {
        String id = row.id();
        try {
            if (row.state() == SharedFlows.State.DELETED) {
                local.forget(id);
                running.remove(id);
            } else {
                Flow flow = FlowCodec.read(row.definition());
                local.adopt(flow, row.state() == SharedFlows.State.RUNNING ? Status.RUNNING : Status.STOPPED);
                running.put(id, row.revision());
            }
            failures.remove(id);
            LOG.info(
                    "Flow '{}' revision {} ({}, changed through {}) applied in this runtime",
                    id,
                    row.revision(),
                    row.state().column(),
                    row.updatedBy());
        } catch (MalformedFlowException e) {
            fail(id, row.revision(), "cannot be read: " + e.getMessage());
        } catch (FlowCompileException e) {
            fail(id, row.revision(), "does not start here: " + e.getMessage());
        }
        seen.put(id, row.revision());
    }

    private void fail(String id, long revision, String why) {
        String message = "revision " + revision + " " + why;
        failures.put(id, message);
        LOG.error(
                "Flow '{}' {}; {}",
                id,
                message,
                running.containsKey(id) ? "revision " + running.get(id) + " runs on here" : "it does not run here");
    }

    /** Per flow, the revision this runtime runs or keeps stopped (for metrics). */
    public synchronized Map<String, Long> revisions() {
        return Map.copyOf(running);
    }

    /** The flows whose newest stored revision does not run here, with why (for metrics). */
    public synchronized Map<String, String> failures() {
        return Map.copyOf(failures);
    }

    /**
     * For {@code /health/ready}: UP with the revision of each flow this runtime runs; DOWN when a
     * stored revision does not run here or the store's flow definitions cannot be read.
     */
    public synchronized HealthChecks.Check health() {
        if (!failures.isEmpty()) {
            return HealthChecks.Check.down(
                    "cluster-flows",
                    failures.entrySet().stream()
                            .map(e -> "flow '" + e.getKey() + "' " + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        String problem = pollProblem;
        if (problem != null) {
            return HealthChecks.Check.down("cluster-flows", "cannot read the cluster's flow definitions: " + problem);
        }
        String revisions = local.list().stream()
                .map(k -> k.flow().id() + " r" + running.getOrDefault(k.flow().id(), 0L)
                        + (k.status() == Status.STOPPED ? " (stopped)" : ""))
                .collect(Collectors.joining(", "));
        return HealthChecks.Check.up(
                "cluster-flows", "flow revisions here: " + (revisions.isEmpty() ? "none" : revisions));
    }

    @Override
    public void close() {
        ScheduledExecutorService current;
        synchronized (this) {
            current = poller;
        }
        if (current == null) {
            return;
        }
        current.shutdown();
        try {
            if (!current.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The cluster's flow poll did not finish within 10s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
