package dev.switchboard.runtime.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.runtime.policy.EventsAtRest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * The runtime's database: an embedded H2 file by default, or PostgreSQL
 * ({@code jdbc:postgresql://host/db?user=…}, the password from {@value #PASSWORD_VARIABLE}). The
 * schema is created and migrated by Flyway ({@code db/migration}, SQL both understand) when the
 * store opens; what differs is in {@link SqlDialect}.
 *
 * <p>Connections come from HikariCP. On H2 the pool is fixed (16 connections that live as long
 * as the store): H2 closes an embedded database when its last connection closes, so the pool
 * never lets the count drop to zero. On PostgreSQL each dispatcher holds a connection while it
 * runs an event (its claim, see {@link StoreInbox}), so the pool is larger.
 */
public final class Store implements AutoCloseable {
    static {
        // AUTO_SERVER opens a TCP port for other processes (the CLI): keep it on loopback, never on the network
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /** Where {@code run}, {@code runs} and {@code dead-letters} read a PostgreSQL password from (never from the URL shown). */
    public static final String PASSWORD_VARIABLE = "SWITCHBOARD_DB_PASSWORD";
    /** The newest migration in {@code db/migration} (StoreSchemaTest keeps the two in step). */
    static final int SCHEMA_VERSION = 11;

    private static final int H2_CONNECTIONS = 16;
    /** 8 dispatchers each holding its claim and, inside the run, one more (dead letter, dedupe), plus the writers. */
    private static final int POSTGRESQL_CONNECTIONS = 24;

    private final String url;
    private final SqlDialect dialect;
    private final HikariDataSource pool;
    /** How events the store keeps to run again are written and shown: sealed while masking policies apply. */
    private volatile EventsAtRest events = EventsAtRest.PLAIN;

    private Store(String url, String password) {
        this.url = url;
        this.dialect = SqlDialect.of(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("switchboard-store");
        config.setJdbcUrl(url);
        if (dialect == SqlDialect.H2) {
            config.setUsername("sa");
            config.setPassword("");
            config.setMaximumPoolSize(H2_CONNECTIONS);
            config.setMinimumIdle(H2_CONNECTIONS);
            config.setMaxLifetime(0); // never retire a connection: the last one closing would close the database
        } else {
            if (password != null && !password.isEmpty()) {
                config.setPassword(password);
            }
            config.setMaximumPoolSize(POSTGRESQL_CONNECTIONS);
            config.setMinimumIdle(2);
        }
        config.setConnectionTimeout(30_000);
        this.pool = new HikariDataSource(config);
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

    /**
     * Opens and migrates the store at {@code url}; a PostgreSQL password comes from the
     * environment variable {@value #PASSWORD_VARIABLE} unless the URL has one.
     */
    public static Store open(String url) {
        return open(url, System.getenv(PASSWORD_VARIABLE));
    }

    /** Opens and migrates the store at {@code url} with {@code password} (PostgreSQL; null: none or in the URL). */
    public static Store open(String url, String password) {
        Store store;
        try {
            store = new Store(url, password);
        } catch (RuntimeException e) {
            throw new StoreException(
                    "Could not open the store at " + redacted(url) + ": " + redacted(e.getMessage()), e);
        }
        if (store.schemaIsCurrent()) {
            return store;
        }
        try {
            Flyway.configure()
                    .dataSource(store.pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            store.close();
            throw new StoreException(
                    "Could not open or migrate the store at " + redacted(url) + ": " + redacted(e.getMessage()), e);
        }
        return store;
    }

    /**
     * Whether the schema is at {@link #SCHEMA_VERSION} already: then the store opens without
     * loading Flyway, about a quarter of a runtime's start. A new store (no history table), one
     * behind, or one from a newer Switchboard goes through Flyway, which migrates or says why not.
     */
    boolean schemaIsCurrent() {
        try (Connection c = pool.getConnection()) {
            // asked first, so a new store does not fail a query: H2 would keep that error in a .trace.db file
            try (ResultSet tables = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
                if (!tables.next()) {
                    return false;
                }
            }
            return newestMigration(c) == SCHEMA_VERSION;
        } catch (SQLException | NumberFormatException e) {
            return false;
        }
    }

    private static int newestMigration(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                        + " WHERE \"success\" AND \"version\" IS NOT NULL")) {
            int newest = 0;
            while (r.next()) {
                newest = Math.max(newest, Integer.parseInt(r.getString(1)));
            }
            return newest;
        }
    }

    public static Store openDefault(Path dataDir) {
        return open(defaultUrl(dataDir));
    }

    /** How inbox rows and dead letters hold their events (plain unless policies mask fields). */
    public EventsAtRest events() {
        return events;
    }

    /** Set before the inbox starts: from then on events are written (and read) this way. */
    public void keepEventsAs(EventsAtRest events) {
        this.events = events;
    }

    public String url() {
        return url;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** A JDBC URL for messages: any {@code password=} in it (PostgreSQL's, H2's) shown as {@code ***}. */
    public static String redacted(String jdbcUrl) {
        return jdbcUrl == null
                ? null
                : jdbcUrl.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=***")
                        .replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
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
        pool.close();
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
