package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.chain;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.StatusBoard;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sql.poll, sql.insert and sql.exec against real H2 databases in files. */
class SqlConnectorsTest {
    @TempDir
    static Path dir;

    static String url;
    static String lateUrl;
    static int latePort;
    static Engine engine;

    @BeforeAll
    static void createDatabaseAndEngine() throws SQLException {
        url = "jdbc:h2:file:" + dir.resolve("shop").toAbsolutePath();
        sql(
                "CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(100), total DECIMAL(10,2), exported BOOLEAN DEFAULT FALSE)",
                "CREATE TABLE events (id INT PRIMARY KEY, name VARCHAR(100))",
                "CREATE TABLE notes (id INT AUTO_INCREMENT PRIMARY KEY, body VARCHAR(1000), n INT)");
        latePort = Flows.freePort();
        lateUrl = "jdbc:h2:tcp://127.0.0.1:" + latePort + "/late";
        engine = Flows.engine(
                dir.resolve("data"),
                Map.of("SHOP_DB", url, "SHOP_USER", "sa", "SHOP_PASSWORD", "", "LATE_DB", lateUrl));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void insertedRowsArePolledOnceEachWithTheRowAsData() throws Exception {
        engine.deploy(chain(
                "orders-in",
                node("in", "test.inject", "channel", "orders-in"),
                node(
                        "insert",
                        "sql.insert",
                        connection(
                                "table",
                                "orders",
                                "columns",
                                ConfigValue.object(
                                        "id",
                                        "{{data.id}}",
                                        "customer",
                                        "{{data.customer}}",
                                        "total",
                                        "{{data.total}}")))));
        engine.deploy(chain(
                "orders-out",
                node(
                        "poll",
                        "sql.poll",
                        connection(
                                "query",
                                "SELECT * FROM orders WHERE exported = FALSE ORDER BY id",
                                "markDone",
                                "UPDATE orders SET exported = TRUE WHERE id = :id",
                                "interval",
                                "200ms")),
                node("capture", "test.capture", "sink", "orders-out")));

        InjectConnector.send(engine.camel(), "orders-in", "{\"id\": 1, \"customer\": \"ACME\", \"total\": 99.50}");
        InjectConnector.send(engine.camel(), "orders-in", "{\"id\": 2, \"customer\": \"Globex\", \"total\": 12}");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> CaptureConnector.events("orders-out").size() >= 2);
        Event first = CaptureConnector.events("orders-out").get(0);
        assertThat(first.data().toString())
                .isEqualTo("{\"id\":1,\"customer\":\"ACME\",\"total\":99.50,\"exported\":false}");
        assertThat(first.type()).isEqualTo("dev.switchboard.sql.row");
        assertThat(first.source()).isEqualTo("/switchboard/flows/orders-out/poll");
        assertThat(first.subject()).isEqualTo("1");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("SELECT COUNT(*) FROM orders WHERE exported = TRUE") == 2);

        // a later row arrives alone: the first two were not emitted again in the polls between
        InjectConnector.send(engine.camel(), "orders-in", "{\"id\": 3, \"customer\": \"Initech\", \"total\": 5}");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> CaptureConnector.events("orders-out").size() >= 3);
        assertThat(CaptureConnector.events("orders-out"))
                .extracting(e -> e.data().path("id").asInt())
                .containsExactly(1, 2, 3);
        engine.undeploy("orders-in");
        engine.undeploy("orders-out");
    }

    @Test
    void trackedKeySurvivesARestartSoNoRowIsEmittedTwice() throws Exception {
        sql(
                "INSERT INTO events VALUES (1, 'a')",
                "INSERT INTO events VALUES (2, 'b')",
                "INSERT INTO events VALUES (3, 'c')");
        engine.deploy(trackFlow("tracked-1"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> CaptureConnector.events("tracked-1").size() >= 3);
        engine.undeploy("tracked");

        sql("INSERT INTO events VALUES (4, 'd')");
        engine.deploy(trackFlow("tracked-2"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> CaptureConnector.events("tracked-2").size() >= 1);
        sql("INSERT INTO events VALUES (5, 'e')");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> CaptureConnector.events("tracked-2").size() >= 2);
        engine.undeploy("tracked");

        assertThat(CaptureConnector.events("tracked-1"))
                .extracting(e -> e.data().path("name").asText())
                .containsExactly("a", "b", "c");
        assertThat(CaptureConnector.events("tracked-2"))
                .extracting(e -> e.data().path("name").asText())
                .containsExactly("d", "e");
        assertThat(count("SELECT COUNT(*) FROM switchboard_sql_poll_state WHERE last_value = '5'"))
                .isEqualTo(1);
    }

    @Test
    void sqlInEventDataIsStoredLiterallyByInsertAndExec() throws Exception {
        String attack = "x'); DROP TABLE notes; --";
        engine.deploy(chain(
                "notes",
                node("in", "test.inject", "channel", "notes"),
                node(
                        "insert",
                        "sql.insert",
                        connection(
                                "table",
                                "notes",
                                "columns",
                                ConfigValue.object("body", "{{data.body}}", "n", "{{data.n}}"))),
                node(
                        "exec",
                        "sql.exec",
                        connection(
                                "statement",
                                "INSERT INTO notes (body, n) VALUES (:body, :n + 1)",
                                "parameters",
                                ConfigValue.object("body", "{{data.body}}", "n", "{{data.n}}"))),
                node(
                        "count",
                        "sql.exec",
                        connection(
                                "statement",
                                "SELECT body, n FROM notes WHERE body = :body ORDER BY n",
                                "parameters",
                                ConfigValue.object("body", "{{data.body}}"),
                                "resultField",
                                "stored")),
                node("capture", "test.capture", "sink", "notes")));

        InjectConnector.send(engine.camel(), "notes", Json.write(Map.of("body", attack, "n", 1)));

        assertThat(CaptureConnector.events("notes"))
                .singleElement()
                .satisfies(e -> assertThat(e.data().path("stored").toString())
                        .isEqualTo("[{\"body\":" + Json.write(attack) + ",\"n\":1},{\"body\":" + Json.write(attack)
                                + ",\"n\":2}]"));
        assertThat(count("SELECT COUNT(*) FROM notes")).isEqualTo(2);
        engine.undeploy("notes");
    }

    @Test
    void pollerStartedBeforeItsDatabaseReportsItAndPicksUpRowsOnceItIsUp() throws Exception {
        engine.deploy(chain(
                "late",
                node(
                        "poll",
                        "sql.poll",
                        "jdbcUrl",
                        "{{secret:LATE_DB}}",
                        "username",
                        "{{secret:SHOP_USER}}",
                        "password",
                        "{{secret:SHOP_PASSWORD}}",
                        "query",
                        "SELECT * FROM arrivals WHERE id > :last ORDER BY id",
                        "strategy",
                        "trackColumn",
                        "trackColumn",
                        "id",
                        "interval",
                        "200ms"),
                node("capture", "test.capture", "sink", "late")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> engine.nodeStatus("late", "poll")
                        .filter(s -> s.state() == StatusBoard.State.DOWN)
                        .isPresent());
        assertThat(engine.nodeStatus("late", "poll").orElseThrow().message())
                .startsWith("cannot poll " + lateUrl + ": ");

        Server server = Server.createTcpServer(
                        "-tcpPort",
                        String.valueOf(latePort),
                        "-ifNotExists",
                        "-baseDir",
                        dir.resolve("late-server").toString())
                .start();
        try {
            try (Connection c = DriverManager.getConnection(lateUrl, "sa", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE arrivals (id INT PRIMARY KEY, what VARCHAR(20))");
                s.execute("INSERT INTO arrivals VALUES (1, 'first')");
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> CaptureConnector.events("late").size() >= 1);
            assertThat(CaptureConnector.events("late")
                            .get(0)
                            .data()
                            .path("what")
                            .asText())
                    .isEqualTo("first");
            assertThat(engine.nodeStatus("late", "poll").orElseThrow().state()).isEqualTo(StatusBoard.State.UP);
            engine.undeploy("late");
        } finally {
            server.stop();
        }
    }

    private static dev.switchboard.runtime.model.Flow trackFlow(String sink) {
        return chain(
                "tracked",
                node(
                        "poll",
                        "sql.poll",
                        connection(
                                "query",
                                "SELECT id, name FROM events WHERE id > :last ORDER BY id",
                                "strategy",
                                "trackColumn",
                                "trackColumn",
                                "id",
                                "interval",
                                "200ms")),
                node("capture", "test.capture", "sink", sink));
    }

    private static Object[] connection(Object... more) {
        List<Object> all = new ArrayList<>(List.of(
                "jdbcUrl",
                "{{secret:SHOP_DB}}",
                "username",
                "{{secret:SHOP_USER}}",
                "password",
                "{{secret:SHOP_PASSWORD}}"));
        all.addAll(List.of(more));
        return all.toArray();
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static long count(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
