package dev.switchboard.runtime.store;

import java.util.Locale;

/**
 * The few statements and habits that differ between the stores the runtime supports. Everything
 * else — the migrations included — is SQL both understand.
 */
public enum SqlDialect {
    /**
     * Embedded H2: one runtime per store (an OS file lock, {@link StoreOwnership}), so the inbox
     * keeps its claims in memory and group-commits its "done" deletes.
     */
    H2 {
        @Override
        String rememberDedupeKey() {
            return "MERGE INTO dedupe_keys (scope, dkey, expires_at) KEY (scope, dkey) VALUES (?, ?, ?)";
        }

        @Override
        String seqColumn() {
            return "SEQ";
        }
    },
    /**
     * PostgreSQL: several runtimes may share one database. The inbox claims a row by locking it
     * ({@code SELECT … FOR UPDATE SKIP LOCKED}) for as long as it runs the event, and deletes it in
     * the same transaction: see docs/decisions/0007-inbox-claims-on-postgresql.md.
     */
    POSTGRESQL {
        @Override
        String rememberDedupeKey() {
            return "INSERT INTO dedupe_keys (scope, dkey, expires_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (scope, dkey) DO UPDATE SET expires_at = EXCLUDED.expires_at";
        }

        @Override
        String seqColumn() {
            return "seq";
        }

        @Override
        public boolean sharedInbox() {
            return true;
        }
    };

    /** The dialect of a JDBC URL; only H2 and PostgreSQL are supported. */
    public static SqlDialect of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "The store runs on H2 (jdbc:h2:…) or PostgreSQL (jdbc:postgresql://…), not " + Store.redacted(jdbcUrl));
    }

    /** Insert or refresh a dedupe key: (scope, key, expires at). */
    abstract String rememberDedupeKey();

    /** The inbox's sequence column as the driver names generated keys. */
    abstract String seqColumn();

    /**
     * Whether several runtimes may dispatch this store's inbox at once: claims are row locks held
     * while an event runs, not an in-memory set guarded by a file lock.
     */
    public boolean sharedInbox() {
        return false;
    }
}
