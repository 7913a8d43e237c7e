package dev.switchboard.runtime.store;

import dev.switchboard.runtime.model.HistoryLevel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/** Reads run history for the CLI and the admin API. */
public final class RunQueries {
    private final Store store;

    public RunQueries(Store store) {
        this.store = store;
    }

    /**
     * One stored run.
     *
     * @param history the history level it was written at ({@code full} for runs written before levels existed)
     */
    public record Run(
            String runId,
            String eventId,
            String flowId,
            String triggerNode,
            String status,
            Instant startedAt,
            long durationMicros,
            String endedAt,
            String error,
            String parentRunId,
            Long replayOf,
            String history) {

        /** Whether the run's steps kept their input and output snapshots. */
        public boolean dataKept() {
            return level().keepsSnapshots(HistoryWriter.nodeFailed(status));
        }

        /** What to show in place of the snapshots, e.g. "(data not kept: history level summary)"; null when kept. */
        public String dataNotKept() {
            return dataKept() ? null : level().notKept();
        }

        private HistoryLevel level() {
            return HistoryLevel.parse(history).orElse(HistoryLevel.FULL);
        }
    }

    /**
     * One node a stored run passed, with its (masked, truncated) snapshots.
     *
     * @param warning what the node noticed but let pass (a data contract with enforcement {@code warn}:
     *     its violations, each a JSON pointer and what was expected), masked like the error; else null
     * @param policies the central policies' decisions at the node, one per entry
     */
    public record Step(
            String runId,
            int stepNo,
            String nodeId,
            String port,
            Instant at,
            String input,
            String output,
            String error,
            String warning,
            List<String> policies) {
        public Step {
            policies = policies == null ? List.of() : List.copyOf(policies);
        }

        /** A step without warning that no central policy decided on. */
        public Step(
                String runId,
                int stepNo,
                String nodeId,
                String port,
                Instant at,
                String input,
                String output,
                String error) {
            this(runId, stepNo, nodeId, port, at, input, output, error, null, List.of());
        }
    }

    /** A run with its steps. */
    public record RunPath(Run run, List<Step> steps) {}

    /** Newest first. */
    public List<Run> list(String flowId, String status, int limit) {
        return list(flowId == null ? null : List.of(flowId), status, limit);
    }

    /** The runs of any of {@code flowIds} (null or empty: of every flow), newest first. */
    public List<Run> list(Collection<String> flowIds, String status, int limit) {
        StringBuilder sql = new StringBuilder(SELECT_RUN + " WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (flowIds != null && !flowIds.isEmpty()) {
            List<String> ids = List.copyOf(new LinkedHashSet<>(flowIds));
            sql.append(" AND flow_id IN (")
                    .append(String.join(", ", Collections.nCopies(ids.size(), "?")))
                    .append(")");
            args.addAll(ids);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.toUpperCase().replace('-', '_'));
        }
        sql.append(" ORDER BY started_at DESC FETCH FIRST ? ROWS ONLY");
        args.add(limit);
        return store.inTransaction(c -> runs(c, sql.toString(), args));
    }

    /**
     * The whole path of an event: every run of it (across flows and replays), oldest first, each
     * with its steps. {@code id} is an event id or a run id.
     */
    public List<RunPath> path(String id) {
        return store.inTransaction(c -> {
            List<Run> runs = runs(c, SELECT_RUN + " WHERE event_id = ? ORDER BY started_at, run_id", List.of(id));
            if (runs.isEmpty()) {
                List<Run> byRun = runs(c, SELECT_RUN + " WHERE run_id = ?", List.of(id));
                if (byRun.isEmpty()) {
                    return List.<RunPath>of();
                }
                runs = runs(
                        c,
                        SELECT_RUN + " WHERE event_id = ? ORDER BY started_at, run_id",
                        List.of(byRun.get(0).eventId()));
            }
            List<RunPath> paths = new ArrayList<>();
            for (Run run : runs) {
                paths.add(new RunPath(run, steps(c, run.runId())));
            }
            return paths;
        });
    }

    private static final String SELECT_RUN =
            "SELECT run_id, event_id, flow_id, trigger_node, status, started_at, duration_us,"
                    + " ended_at, error, parent_run_id, replay_of, history FROM runs";

    private static List<Run> runs(Connection c, String sql, List<Object> args) throws SQLException {
        List<Run> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long replay = r.getLong(11);
                    Long replayOf = r.wasNull() ? null : replay;
                    result.add(new Run(
                            r.getString(1),
                            r.getString(2),
                            r.getString(3),
                            r.getString(4),
                            r.getString(5),
                            r.getTimestamp(6).toInstant(),
                            r.getLong(7),
                            r.getString(8),
                            r.getString(9),
                            r.getString(10),
                            replayOf,
                            r.getString(12) == null ? HistoryLevel.FULL.id() : r.getString(12)));
                }
            }
        }
        return result;
    }

    /** The run's steps: its run_steps rows, or — written without snapshots — its compact {@code steps} column. */
    private static List<Step> steps(Connection c, String runId) throws SQLException {
        List<Step> rows = stepRows(c, runId);
        if (!rows.isEmpty()) {
            return rows;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT steps FROM runs WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? CompactSteps.read(runId, r.getString(1)) : rows;
            }
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\n"));
    }

    private static List<Step> stepRows(Connection c, String runId) throws SQLException {
        List<Step> result = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement("SELECT run_id, step_no, node_id, port, at, input, output, error, warning,"
                        + " policies FROM run_steps WHERE run_id = ? ORDER BY step_no")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Timestamp at = r.getTimestamp(5);
                    result.add(new Step(
                            r.getString(1),
                            r.getInt(2),
                            r.getString(3),
                            r.getString(4),
                            at.toInstant(),
                            r.getString(6),
                            r.getString(7),
                            r.getString(8),
                            r.getString(9),
                            lines(r.getString(10))));
                }
            }
        }
        return result;
    }
}
