package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread interrupted while it writes to the store must not take the store down with it. With a
 * plain H2 file the interrupt closes the file channel and every connection fails from then on
 * ("The database has been closed"); shutting down a thread pool with shutdownNow is enough for that.
 */
class StoreInterruptTest {
    @TempDir
    Path dataDir;

    @Test
    void interruptingAWriterLeavesTheStoreWorking() throws Exception {
        try (Store store = Store.openDefault(dataDir)) {
            DeadLetterStore deadLetters = new DeadLetterStore(store);
            Event event = new Event(
                    Event.newId(), "/test", "test", null, null, "application/json", Json.parse("{\"n\": 1}"), Map.of());
            CountDownLatch writing = new CountDownLatch(1);
            AtomicInteger written = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 2000; i++) {
                    try {
                        deadLetters.deadLetter("f", "n", null, event, "error " + i, 1);
                        written.incrementAndGet();
                    } catch (Store.StoreException e) {
                        refused.incrementAndGet(); // the write its own interrupt hit may fail; the store must not
                    }
                    writing.countDown();
                }
            });
            writer.start();
            assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
            while (writer.isAlive()) {
                writer.interrupt();
                writer.join(2);
            }

            assertThat(written.get() + refused.get()).isEqualTo(2000);
            assertThat(written.get())
                    .as("writes went on between the interrupts (%d refused)", refused.get())
                    .isGreaterThan(1000);
            deadLetters.deadLetter("f", "n", null, event, "after", 1);
            assertThat(deadLetters.list(DeadLetterFilter.all(), 10_000)).hasSize(written.get() + 1);
        }
    }
}
