package dev.switchboard.runtime.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.ErrorCode;

/**
 * What H2's WRITE_DELAY means for "committed": a child JVM inserts rows one commit at a time and
 * prints each committed number; the parent kills it with kill -9 mid-way, reopens the file and
 * counts what survived. Run with {@code scripts/bench}-style classpath:
 * {@code java -cp ... dev.switchboard.runtime.bench.H2WriteDelayCheck}. Not a test.
 */
public final class H2WriteDelayCheck {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1]);
            return;
        }
        for (String delay : new String[] {"", ";WRITE_DELAY=0"}) {
            for (int round = 0; round < 3; round++) {
                Path dir = Files.createTempDirectory("h2-write-delay");
                String url = "jdbc:h2:file:" + dir.resolve("db") + delay;
                Process child = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                H2WriteDelayCheck.class.getName(),
                                "child",
                                url)
                        .redirectErrorStream(true)
                        .start();
                long acknowledged = 0;
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        acknowledged = Long.parseLong(line.trim());
                        if (acknowledged >= 2000) {
                            child.destroyForcibly();
                            break;
                        }
                    }
                }
                child.waitFor();
                long stored;
                try (Connection c = DriverManager.getConnection(url, "sa", "");
                        Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM t")) {
                    r.next();
                    stored = r.getLong(1);
                } catch (SQLException e) {
                    if (e.getErrorCode() != ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1) {
                        throw e;
                    }
                    stored = 0; // the kill came before even the table reached the file
                }
                System.out.printf(
                        "%-16s acknowledged >= %d, survived kill -9: %d, lost: %d%n",
                        delay.isEmpty() ? "default (500ms)" : "WRITE_DELAY=0",
                        acknowledged,
                        stored,
                        Math.max(0, acknowledged - stored));
            }
        }
    }

    private static void child(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (n BIGINT PRIMARY KEY, payload VARCHAR(200))");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (long n = 1; ; n++) {
                    insert.setLong(1, n);
                    insert.setString(2, "event " + n);
                    insert.executeUpdate();
                    c.commit();
                    System.out.println(n);
                    System.out.flush();
                }
            }
        }
    }
}
