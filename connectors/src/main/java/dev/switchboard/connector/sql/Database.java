package dev.switchboard.connector.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * One node's connection to its database: a small HikariCP pool, opened on first use and closed
 * when the node's route is removed. The pool starts even while the database is down (the first
 * statement then fails and the caller decides how to retry), so a flow deploys regardless.
 */
final class Database implements AutoCloseable {
    private final String poolName;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private HikariDataSource pool;
    private NamedParameterJdbcTemplate jdbc;

    Database(String poolName, NodeConfig config) {
        this.poolName = poolName;
        this.jdbcUrl = config.requireString("jdbcUrl");
        this.username = config.string("username", null);
        this.password = config.string("password", null);
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException(
                    "jdbcUrl: '" + redacted() + "' is not a JDBC URL (it starts with jdbc:)");
        }
    }

    /** The node's database, closed when its route is removed. */
    static Database of(NodeContext node, NodeConfig config) {
        Database database = new Database("sb-" + node.flowId() + "-" + node.nodeId(), config);
        node.onStop(database);
        return database;
    }

    static PropertySpec[] connectionProperties() {
        return new PropertySpec[] {
            PropertySpec.builder("jdbcUrl", PropertyType.SECRET)
                    .title("JDBC URL")
                    .required()
                    .placeholder("{{secret:ORDERS_DB_URL}}")
                    .description("e.g. jdbc:postgresql://db:5432/shop or jdbc:h2:file:./data/shop — kept as a secret")
                    .build(),
            PropertySpec.builder("username", PropertyType.SECRET)
                    .title("User")
                    .placeholder("{{secret:ORDERS_DB_USER}}")
                    .build(),
            PropertySpec.builder("password", PropertyType.SECRET)
                    .title("Password")
                    .placeholder("{{secret:ORDERS_DB_PASSWORD}}")
                    .build()
        };
    }

    synchronized NamedParameterJdbcTemplate jdbc() {
        if (jdbc == null) {
            HikariConfig config = new HikariConfig();
            config.setPoolName(poolName);
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(username);
            config.setPassword(password);
            config.setMaximumPoolSize(4);
            config.setMinimumIdle(0);
            config.setIdleTimeout(60_000);
            config.setConnectionTimeout(3_000);
            config.setInitializationFailTimeout(-1);
            pool = new HikariDataSource(config);
            jdbc = new NamedParameterJdbcTemplate(pool);
        }
        return jdbc;
    }

    /** The URL without passwords, for status lines and errors. */
    String redacted() {
        return jdbcUrl.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=***");
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
            pool = null;
            jdbc = null;
        }
    }
}
