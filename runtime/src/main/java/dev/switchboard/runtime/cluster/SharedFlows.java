package dev.switchboard.runtime.cluster;

import dev.switchboard.runtime.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The cluster's flow definitions in the shared PostgreSQL store ({@code cluster_flows}, migration
 * V10): one row per flow id with its canonical JSON, a revision that grows by one with every change,
 * its state and who changed it last. Changes are made one at a time across the cluster ({@link
 * #change}: the table is locked against other writers for the transaction; readers are not held
 * up), so a change can compare the revision it started from with the stored one.
 */
final class SharedFlows {

    /** What a stored flow is: run it, keep it stopped, or gone (the row stays so revisions keep growing). */
    enum State {
        RUNNING,
        STOPPED,
        DELETED;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State of(String column) {
            return valueOf(column.toUpperCase(Locale.ROOT));
        }
    }

    /** One row; {@code definition} null for a deleted flow, and in {@link #revisions()}' rows. */
    record Row(String id, String definition, long revision, State state, Instant updatedAt, String updatedBy) {}

    /** Work inside a change's transaction; may throw what the local engine throws. */
    @FunctionalInterface
    interface Change<T> {
        T run(Connection connection) throws Exception;
    }

    private final Store store;

    SharedFlows(Store store) {
        this.store = store;
    }

    /** Every flow's id, revision and state, without definitions: what the change poll reads each time. */
    List<Row> revisions() throws SQLException {
        try (Connection c = store.connection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT id, revision, state, updated_at, updated_by FROM cluster_flows ORDER BY id")) {
            List<Row> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(new Row(
                        r.getString(1),
                        null,
                        r.getLong(2),
                        State.of(r.getString(3)),
                        r.getObject(4, OffsetDateTime.class).toInstant(),
                        r.getString(5)));
            }
            return rows;
        }
    }

    /** One flow's row with its definition. */
    Optional<Row> read(String id) throws SQLException {
        try (Connection c = store.connection()) {
            return read(c, id);
        }
    }

    Optional<Row> read(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, definition, revision, state, updated_at, updated_by"
                + " FROM cluster_flows WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(
                        r.getString(1),
                        r.getString(2),
                        r.getLong(3),
                        State.of(r.getString(4)),
                        r.getObject(5, OffsetDateTime.class).toInstant(),
                        r.getString(6)));
            }
        }
    }

    /** Stores a flow given on a runtime's command line as revision 1, unless the id is known (deleted ones too); true when stored. */
    boolean seed(String id, String definition, String member) throws SQLException {
        try (Connection c = store.connection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO cluster_flows (id, definition, revision, state, updated_at, updated_by)"
                                + " VALUES (?, ?, 1, 'running', now(), ?) ON CONFLICT (id) DO NOTHING")) {
            s.setString(1, id);
            s.setString(2, definition);
            s.setString(3, member);
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Runs {@code work} in a transaction that holds off every other change to the table until it
     * ends; committed when {@code work} returns, rolled back when it throws.
     */
    <T> T change(Change<T> work) throws Exception {
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    // SHARE ROW EXCLUSIVE conflicts with itself and with writes, never with plain reads
                    s.execute("LOCK TABLE cluster_flows IN SHARE ROW EXCLUSIVE MODE");
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Writes a flow's new revision inside a {@link #change}; {@code definition} null for a deleted flow. */
    void write(Connection c, String id, String definition, long revision, State state, String member)
            throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO cluster_flows (id, definition, revision, state, updated_at, updated_by)"
                        + " VALUES (?, ?, ?, ?, now(), ?) ON CONFLICT (id) DO UPDATE SET definition ="
                        + " EXCLUDED.definition, revision = EXCLUDED.revision, state = EXCLUDED.state,"
                        + " updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by")) {
            s.setString(1, id);
            s.setString(2, definition);
            s.setLong(3, revision);
            s.setString(4, state.column());
            s.setString(5, member);
            s.executeUpdate();
        }
    }
}
