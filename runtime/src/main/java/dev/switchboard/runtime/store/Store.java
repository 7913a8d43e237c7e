package dev.switchboard.runtime.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The runtime's database: an embedded H2 file by default, any JDBC URL otherwise. The schema is
 * created and migrated by Flyway ({@code db/migration}) when the store opens.
 *
 * <p>Connections come from H2's own small pool: every hot write goes through one writer thread
 * per concern (inbox, history), so a handful of connections is all the runtime ever holds, and
 * no pool library is needed for that.
 */
public final class Store implements AutoCloseable {
    static {
        // AUTO_SERVER opens a TCP port for other processes (the CLI): keep it on loopback, never on the network
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private final String url;
    private final JdbcConnectionPool pool;

    private Store(String url) {
        this.url = url;
        this.pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(16);
    }

    /**
     * The default database under {@code dataDir}. {@code WRITE_DELAY=0}: H2 otherwise flushes
     * commits to the file up to 500 ms later, and a kill -9 in that window loses events that were
     * already acknowledged. {@code AUTO_SERVER} lets the CLI read the store while a runtime runs.
     * {@code retry:}: a thread interrupted while it reads or writes the file (a library stopping its
     * threads with shutdownNow, say) would otherwise close H2's file channel, and the whole store
     * with it; H2's retry file system reopens the file and carries on.
     */
    public static String defaultUrl(Path dataDir) {
        return "jdbc:h2:retry:" + dataDir.toAbsolutePath().resolve("switchboard") + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
    }

    public static Store open(String url) {
        Store store = new Store(url);
        try {
            Flyway.configure()
                    .dataSource(store.pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            store.close();
            throw new StoreException("Could not open or migrate the store at " + url + ": " + e.getMessage(), e);
        }
        return store;
    }

    public static Store openDefault(Path dataDir) {
        return open(defaultUrl(dataDir));
    }

    public String url() {
        return url;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Runs {@code work} in one transaction on a pooled connection. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Store operation failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A store operation failed; the message says which. */
    public static final class StoreException extends RuntimeException {
        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
