package dev.switchboard.runtime.store;

import dev.switchboard.connector.spi.DedupeStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/** {@link DedupeStore} on the runtime's store; expired keys are removed by retention. */
public final class StoreDedupe implements DedupeStore {
    private final Store store;

    public StoreDedupe(Store store) {
        this.store = store;
    }

    @Override
    public boolean seen(String scope, String key) {
        return store.inTransaction(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("SELECT 1 FROM dedupe_keys WHERE scope = ? AND dkey = ? AND expires_at > ?")) {
                s.setString(1, scope);
                s.setString(2, key);
                s.setTimestamp(3, Timestamp.from(Instant.now()));
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    @Override
    public void remember(String scope, String key, Duration window) {
        store.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(store.dialect().rememberDedupeKey())) {
                s.setString(1, scope);
                s.setString(2, key);
                s.setTimestamp(3, Timestamp.from(Instant.now().plus(window)));
                return s.executeUpdate();
            }
        });
    }
}
