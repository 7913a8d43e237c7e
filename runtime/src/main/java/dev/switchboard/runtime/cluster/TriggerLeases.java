package dev.switchboard.runtime.cluster;

import dev.switchboard.runtime.engine.PullTriggerGate;
import dev.switchboard.runtime.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pull triggers once per cluster: each one runs only in the runtime that holds its lease, a row in
 * the shared PostgreSQL store ({@code cluster_leases}: name, owner, expiry on the database's
 * clock). Every runtime tries every trigger's lease each {@code renewEvery}; the holder renews
 * it, the others find it taken. A holder that dies stops renewing, and after the lease expired
 * the next runtime to try takes the trigger over. A holder that cannot reach the database stops
 * the trigger at once: better a missed tick than two runtimes firing.
 */
public final class TriggerLeases implements PullTriggerGate, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TriggerLeases.class);
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_RENEW_EVERY = Duration.ofSeconds(5);

    private static final String TAKE = "INSERT INTO cluster_leases (name, owner, expires_at)"
            + " VALUES (?, ?, now() + (? * INTERVAL '1 millisecond'))"
            + " ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at"
            + " WHERE cluster_leases.owner = EXCLUDED.owner OR cluster_leases.expires_at < now()";

    private final Store store;
    private final String owner;
    private final Duration ttl;
    private final ScheduledExecutorService timer;
    private final Map<String, Held> triggers = new ConcurrentHashMap<>();

    /** One trigger this runtime wants to run; {@code running} says whether it runs here now. */
    private static final class Held {
        final String name;
        final Runnable start;
        final Runnable stop;
        boolean running;
        boolean released;

        Held(String name, Runnable start, Runnable stop) {
            this.name = name;
            this.start = start;
            this.stop = stop;
        }
    }

    public TriggerLeases(Store store, String owner, Duration ttl, Duration renewEvery) {
        if (renewEvery.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException(
                    "A lease must be renewed more often than it lasts: " + renewEvery + " is not shorter than " + ttl);
        }
        this.store = store;
        this.owner = owner;
        this.ttl = ttl;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switchboard-trigger-leases");
            t.setDaemon(true);
            return t;
        });
        long millis = renewEvery.toMillis();
        timer.scheduleWithFixedDelay(this::renewAll, millis, millis, TimeUnit.MILLISECONDS);
    }

    public String owner() {
        return owner;
    }

    /** The triggers that run in this runtime now, by name (flow:node). */
    public List<String> running() {
        return triggers.values().stream()
                .filter(h -> {
                    synchronized (h) {
                        return h.running;
                    }
                })
                .map(h -> h.name)
                .sorted()
                .toList();
    }

    @Override
    public AutoCloseable hold(String name, Runnable start, Runnable stop) {
        Held held = new Held(name, start, stop);
        Held previous = triggers.put(name, held);
        if (previous != null) {
            release(previous);
        }
        timer.execute(() -> renew(held));
        return () -> {
            triggers.remove(name, held);
            release(held);
        };
    }

    private void renewAll() {
        triggers.values().forEach(this::renew);
    }

    private void renew(Held held) {
        synchronized (held) {
            if (held.released) {
                return;
            }
            boolean ours;
            try {
                ours = take(held.name);
            } catch (SQLException | RuntimeException e) {
                LOG.warn(
                        "Could not renew the lease of trigger {}: {}; it stops here until renewed",
                        held.name,
                        e.toString());
                ours = false;
            }
            if (ours && !held.running) {
                LOG.info("Trigger {} runs in this runtime ({}) now", held.name, owner);
                held.running = true;
                held.start.run();
            } else if (!ours && held.running) {
                LOG.info("Trigger {} runs in another runtime now", held.name);
                held.running = false;
                held.stop.run();
            }
        }
    }

    private boolean take(String name) throws SQLException {
        try (Connection c = store.connection();
                PreparedStatement s = c.prepareStatement(TAKE)) {
            s.setString(1, name);
            s.setString(2, owner);
            s.setLong(3, ttl.toMillis());
            return s.executeUpdate() == 1;
        }
    }

    /** Gives the trigger up; the next runtime to try takes it at once rather than after the lease expired. */
    private void release(Held held) {
        synchronized (held) {
            held.released = true;
            held.running = false;
        }
        try (Connection c = store.connection();
                PreparedStatement s = c.prepareStatement("DELETE FROM cluster_leases WHERE name = ? AND owner = ?")) {
            s.setString(1, held.name);
            s.setString(2, owner);
            s.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Could not give up the lease of trigger {} (it expires by itself): {}", held.name, e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The lease renewal did not finish within 10s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        triggers.values().forEach(h -> release(h));
        triggers.clear();
    }
}
