package dev.switchboard.runtime.flowtest;

import dev.switchboard.connector.http.OutboundRequest;
import dev.switchboard.connector.spi.DedupeStore;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.OnlineModelStore;
import dev.switchboard.connector.spi.RetryHint;
import dev.switchboard.runtime.engine.DeadLetterSink;
import dev.switchboard.runtime.engine.RunListener;
import dev.switchboard.runtime.engine.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What happened while one case ran, on the test engine: the calls its stubbed actions received
 * and how they answered, the dead letters, the finished runs. Reset before each case; the cases of
 * a file run one after another.
 */
final class CaseRecorder implements DeadLetterSink, RunListener {
    /**
     * One call an action received: the event as it entered the node and, for an {@code
     * http.request}, the request it would have sent (else null).
     */
    record Call(String nodeId, Event event, OutboundRequest request) {}

    record DeadLetter(String nodeId, String error) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final List<RunRecord> runs = new CopyOnWriteArrayList<>();
    private final List<String> missingReplies = new CopyOnWriteArrayList<>();
    private final Semaphore finishedRuns = new Semaphore(0);
    private volatile Map<String, Stub> stubs = Map.of();

    void begin(Map<String, Stub> caseStubs) {
        stubs = Map.copyOf(caseStubs);
        calls.clear();
        deadLetters.clear();
        runs.clear();
        missingReplies.clear();
        finishedRuns.drainPermits();
    }

    /**
     * A stubbed action's call: recorded, then answered by the case's stub for the node.
     *
     * @param needsReply an {@code http.request} whose response becomes the event's data: without a stub it has no answer
     */
    Event call(String nodeId, boolean needsReply, boolean keepOriginal, Event event, OutboundRequest request) {
        calls.add(new Call(nodeId, event, request));
        Stub stub = stubs.get(nodeId);
        if (stub == null) {
            if (needsReply) {
                missingReplies.add(nodeId);
                throw new StubbedFailure("the case gives no stub reply for http.request node '" + nodeId + "'");
            }
            return event;
        }
        if (stub instanceof Stub.Reply reply) {
            if (reply.status() >= 400) {
                throw new StubbedFailure("HTTP " + reply.status() + " (stubbed reply)");
            }
            return keepOriginal ? event : FlowTestJson.withReply(event, reply);
        }
        if (stub instanceof Stub.Merge merge) {
            return FlowTestJson.withMerged(event, merge.fields());
        }
        if (stub instanceof Stub.Data data) {
            return FlowTestJson.withData(event, data.data());
        }
        throw new StubbedFailure(((Stub.Fail) stub).message());
    }

    @Override
    public void deadLetter(String flowId, String nodeId, String runId, Event event, String error, int attempts) {
        deadLetters.add(new DeadLetter(nodeId, error));
    }

    @Override
    public void onRunFinished(RunRecord run) {
        runs.add(run);
        finishedRuns.release();
    }

    /** Waits for {@code count} more runs to finish; false when they did not within {@code timeout}. */
    boolean awaitRuns(int count, Duration timeout) throws InterruptedException {
        return finishedRuns.tryAcquire(count, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    List<RunRecord> runs() {
        return List.copyOf(runs);
    }

    List<String> missingReplies() {
        return List.copyOf(missingReplies);
    }

    /** A stub's failure: never retried, so a case does not wait for the flow's backoff. */
    static final class StubbedFailure extends RuntimeException implements RetryHint {
        StubbedFailure(String message) {
            super(message, null, false, false);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** The dedupe steps' memory for one case: each case starts with nothing seen. */
    static final class CaseDedupe implements DedupeStore {
        private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

        @Override
        public boolean seen(String scope, String key) {
            Instant expiry = expiries.get(scope + "\u0000" + key);
            return expiry != null && expiry.isAfter(Instant.now());
        }

        @Override
        public void remember(String scope, String key, Duration window) {
            expiries.put(scope + "\u0000" + key, Instant.now().plus(window));
        }
    }

    /** The online models of one case, in memory: each case starts with untrained models, as a fresh store would. */
    static final class CaseOnlineModels implements OnlineModelStore {
        private final Map<String, State> models = new ConcurrentHashMap<>();

        @Override
        public Optional<State> load(String name) {
            return Optional.ofNullable(models.get(name));
        }

        @Override
        public boolean save(String name, State state, long expectedVersion) {
            State saved = models.compute(name, (key, current) -> {
                long currentVersion = current == null ? 0 : current.version();
                return currentVersion == expectedVersion ? state : current;
            });
            return saved == state;
        }
    }
}
