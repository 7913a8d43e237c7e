package dev.switchboard.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.runtime.store.PostgresServer;
import dev.switchboard.runtime.store.Store;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two runtimes' leases on one PostgreSQL store: a pull trigger runs in exactly one of them, moves
 * to the other when its holder gives it up, and after a holder dies without giving it up, once the
 * lease expired.
 */
class TriggerLeasesTest {
    private static final Duration TTL = Duration.ofMillis(1500);
    private static final Duration RENEW = Duration.ofMillis(300);

    /** What one runtime did with the trigger: started and stopped it how often. */
    private static final class Trigger {
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();

        boolean running() {
            return starts.get() > stops.get();
        }
    }

    @Test
    void aTriggerRunsInOneRuntimeAndMovesWhenItsHolderLeaves() throws Exception {
        String url = PostgresServer.withPassword(PostgresServer.get().newDatabase());
        try (Store store = Store.open(url);
                TriggerLeases a = new TriggerLeases(store, "runtime-a", TTL, RENEW);
                TriggerLeases b = new TriggerLeases(store, "runtime-b", TTL, RENEW)) {
            Trigger inA = new Trigger();
            Trigger inB = new Trigger();
            AutoCloseable heldByA = a.hold("ticks:tick", inA.starts::incrementAndGet, inA.stops::incrementAndGet);
            await().atMost(Duration.ofSeconds(10)).until(inA::running);
            b.hold("ticks:tick", inB.starts::incrementAndGet, inB.stops::incrementAndGet);
            // b tries several times while a renews: it never gets the trigger
            await().during(RENEW.multipliedBy(4)).atMost(Duration.ofSeconds(10)).until(() -> !inB.running());
            assertThat(inA.running()).isTrue();
            assertThat(a.running()).containsExactly("ticks:tick");
            assertThat(b.running()).isEmpty();

            heldByA.close(); // a undeploys the flow: the lease is given up, b takes the trigger at its next try
            await().atMost(Duration.ofSeconds(10)).until(inB::running);
            assertThat(inA.starts.get()).isEqualTo(1);
        }
    }

    @Test
    void aHolderThatLosesTheDatabaseStopsItsTriggerAndAnotherTakesItOverOnceTheLeaseExpired() throws Exception {
        String url = PostgresServer.withPassword(PostgresServer.get().newDatabase());
        Trigger inA = new Trigger();
        Trigger inB = new Trigger();
        try (Store store = Store.open(url);
                TriggerLeases b = new TriggerLeases(store, "runtime-b", TTL, RENEW)) {
            Store storeOfA = Store.open(url);
            try (TriggerLeases a = new TriggerLeases(storeOfA, "runtime-a", TTL, RENEW)) {
                a.hold("ticks:tick", inA.starts::incrementAndGet, inA.stops::incrementAndGet);
                await().atMost(Duration.ofSeconds(10)).until(inA::running);
                b.hold("ticks:tick", inB.starts::incrementAndGet, inB.stops::incrementAndGet);
                // a can no longer renew (its database is gone): it stops the trigger at once, and its
                // lease row stays until it expires; then b takes the trigger
                storeOfA.close();
                await().atMost(Duration.ofSeconds(10)).until(() -> !inA.running());
                await().atMost(Duration.ofSeconds(10)).until(inB::running);
                assertThat(inA.starts.get()).isEqualTo(1);
            }
        }
    }
}
