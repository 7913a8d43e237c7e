package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FairDispatcherTest {

    /** An item that blocks its dispatcher thread until released, and records who ran. */
    record Item(String flow, int n, CountDownLatch release) {}

    @Test
    void aFlowRunsAtMostItsLimitAtOnceAndTheOtherFlowsGetTheRestOfTheThreads() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        ConcurrentHashMap<String, AtomicInteger> running = new ConcurrentHashMap<>();
        FairDispatcher<Item> dispatcher = new FairDispatcher<>("test-dispatch", 4, 100, item -> {
            running.computeIfAbsent(item.flow(), f -> new AtomicInteger()).incrementAndGet();
            ran.add(item.flow() + item.n());
            try {
                item.release().await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        dispatcher.open("slow", 2);
        dispatcher.open("fast", 2);
        for (int i = 0; i < 10; i++) {
            assertThat(dispatcher.offer("slow", new Item("slow", i, held))).isTrue();
        }
        CountDownLatch free = new CountDownLatch(0);
        for (int i = 0; i < 5; i++) {
            assertThat(dispatcher.offer("fast", new Item("fast", i, free))).isTrue();
        }

        await().until(() -> ran.stream().filter(r -> r.startsWith("fast")).count() == 5);
        assertThat(running.get("slow").get())
                .as("the slow flow holds only its limit of the four threads")
                .isEqualTo(2);

        held.countDown();
        await().until(() -> ran.size() == 15);
        assertThat(dispatcher.stop(Duration.ofSeconds(5)).stillRunning()).isZero();
    }

    @Test
    void flowsAreTakenInTurn() {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        FairDispatcher<Item> dispatcher = new FairDispatcher<>("test-turns", 1, 100, item -> {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ran.add(item.flow());
        });
        dispatcher.open("a", 8);
        dispatcher.open("b", 8);
        for (int i = 0; i < 4; i++) {
            dispatcher.offer("a", new Item("a", i, null));
        }
        for (int i = 0; i < 4; i++) {
            dispatcher.offer("b", new Item("b", i, null));
        }
        gate.countDown();

        await().until(() -> ran.size() == 8);
        // a and b alternate; a may have had its first item taken before b's were queued
        assertThat(String.join("", ran)).isIn("abababab", "aabababb");
        dispatcher.stop(Duration.ofSeconds(1));
    }

    @Test
    void aFullLaneAndAClosedOneRefuseAndStopHandsBackWhatWasQueued() {
        CountDownLatch held = new CountDownLatch(1);
        FairDispatcher<Item> dispatcher = new FairDispatcher<>("test-stop", 1, 2, item -> {
            try {
                item.release().await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        dispatcher.open("f", 1);
        dispatcher.offer("f", new Item("f", 0, held));
        await().until(() -> dispatcher.room("f") == 2); // the first one runs
        assertThat(dispatcher.offer("f", new Item("f", 1, held))).isTrue();
        assertThat(dispatcher.offer("f", new Item("f", 2, held))).isTrue();
        assertThat(dispatcher.offer("f", new Item("f", 3, held)))
                .as("the lane holds two")
                .isFalse();
        assertThat(dispatcher.offer("unknown", new Item("unknown", 0, held)))
                .as("no lane, no queue")
                .isFalse();

        FairDispatcher.Stopped<Item> stopped = dispatcher.stop(Duration.ofMillis(100));
        assertThat(stopped.stillRunning()).as("the held one").isOne();
        assertThat(stopped.dropped())
                .as("what did not start is handed back, not run")
                .extracting(Item::n)
                .containsExactly(1, 2);
        assertThat(dispatcher.offer("f", new Item("f", 4, held)))
                .as("a stopped dispatcher takes nothing")
                .isFalse();
        held.countDown();
    }

    @Test
    void aThreadSurvivesAnItemThatThrows() {
        AtomicInteger done = new AtomicInteger();
        FairDispatcher<Item> dispatcher = new FairDispatcher<>("test-throw", 1, 10, item -> {
            if (item.n() == 0) {
                throw new IllegalStateException("boom (expected by the test)");
            }
            done.incrementAndGet();
        });
        dispatcher.open("f", 1);
        dispatcher.offer("f", new Item("f", 0, null));
        dispatcher.offer("f", new Item("f", 1, null));
        await().until(() -> done.get() == 1);
        dispatcher.stop(Duration.ofSeconds(1));
    }
}
