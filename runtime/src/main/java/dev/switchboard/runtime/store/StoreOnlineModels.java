package dev.switchboard.runtime.store;

import dev.switchboard.connector.spi.OnlineModelStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link OnlineModelStore} on the runtime's store: a model's header row and one row per feature
 * weight. A save only succeeds from the version it read (optimistic locking), so concurrent
 * learners on one store, in one runtime or several, each redo their step on the newer model.
 */
public final class StoreOnlineModels implements OnlineModelStore {
    /** SQLSTATE of a unique-key violation, on H2 and PostgreSQL alike. */
    private static final String DUPLICATE_KEY = "23505";

    private final Store store;

    public StoreOnlineModels(Store store) {
        this.store = store;
    }

    @Override
    public Optional<State> load(String name) {
        // one statement: header and weights from the same committed save
        return store.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT m.bias, m.examples, m.version, w.feature, w.weight, w.scale FROM online_models m"
                            + " LEFT JOIN online_model_weights w ON w.model = m.name WHERE m.name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    double bias = r.getDouble(1);
                    long examples = r.getLong(2);
                    long version = r.getLong(3);
                    Map<String, Weight> weights = new HashMap<>();
                    do {
                        String feature = r.getString(4);
                        if (feature != null) {
                            weights.put(feature, new Weight(r.getDouble(5), r.getDouble(6)));
                        }
                    } while (r.next());
                    return Optional.of(new State(weights, bias, examples, version));
                }
            }
        });
    }

    @Override
    public boolean save(String name, State state, long expectedVersion) {
        try {
            return store.inTransaction(c -> saveHeader(c, name, state, expectedVersion) && saveWeights(c, name, state));
        } catch (Store.StoreException e) {
            if (e.getCause() instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState())) {
                return false; // another writer saved the first version at the same time
            }
            throw e;
        }
    }

    private static boolean saveHeader(Connection c, String name, State state, long expectedVersion)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        if (expectedVersion == 0) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO online_models (name, bias, examples, version, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, name);
                s.setDouble(2, state.bias());
                s.setLong(3, state.examples());
                s.setLong(4, state.version());
                s.setTimestamp(5, now);
                return s.executeUpdate() == 1;
            }
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE online_models SET bias = ?, examples = ?, version = ?,"
                + " updated_at = ? WHERE name = ? AND version = ?")) {
            s.setDouble(1, state.bias());
            s.setLong(2, state.examples());
            s.setLong(3, state.version());
            s.setTimestamp(4, now);
            s.setString(5, name);
            s.setLong(6, expectedVersion);
            return s.executeUpdate() == 1;
        }
    }

    private static boolean saveWeights(Connection c, String name, State state) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM online_model_weights WHERE model = ?")) {
            delete.setString(1, name);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO online_model_weights (model, feature, weight, scale) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, Weight> weight : state.weights().entrySet()) {
                insert.setString(1, name);
                insert.setString(2, weight.getKey());
                insert.setDouble(3, weight.getValue().value());
                insert.setDouble(4, weight.getValue().scale());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return true;
    }
}
