package dev.switchboard.runtime.cluster;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Webhook load over the runtimes' ports: event {@code seq} (0 … events-1) has key {@code seq % keys};
 * keys below {@code orderKeys} are {@code k<n>} for the {@code orders} flow, the rest {@code r<n>} for
 * {@code refunds}. One sender owns each key and sends its events one after the other, so each key's
 * events are accepted in the order of their sequence numbers. A refused or failed attempt is sent
 * again to the next port; only a 202 counts as acknowledged.
 */
final class ClusterLoad {
    private final int events;
    private final int keys;
    private final int orderKeys;
    private final int senders;
    private final List<Integer> ports = new CopyOnWriteArrayList<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private ExecutorService pool;
    private final List<Future<?>> sending = new ArrayList<>();
    private Instant started;
    /** Senders wait for this before each request: a slow-starting runtime gets load left to take. */
    private volatile CompletableFuture<?> gate = CompletableFuture.completedFuture(null);

    ClusterLoad(int events, int keys, int orderKeys, int senders, List<Integer> ports) {
        this.events = events;
        this.keys = keys;
        this.orderKeys = orderKeys;
        this.senders = senders;
        this.ports.addAll(ports);
    }

    /** From now on, events go to {@code port} too (a runtime that joined behind the load balancer). */
    void addPort(int port) {
        ports.add(port);
    }

    /**
     * Holds the senders until {@code until} completes (however it completes): on a loaded machine a
     * joining runtime can take longer to start than the whole load takes to send.
     */
    void holdUntil(CompletableFuture<?> until) {
        gate = until;
    }

    void start() {
        started = Instant.now();
        pool = Executors.newFixedThreadPool(senders);
        for (int s = 0; s < senders; s++) {
            int sender = s;
            sending.add(pool.submit(() -> {
                for (int seq = 0; seq < events; seq++) {
                    if ((seq % keys) % senders == sender) {
                        send(seq);
                    }
                }
                return null;
            }));
        }
    }

    private void send(int seq) {
        gate.exceptionally(failure -> null).join();
        String event = event(seq);
        String key = event.substring(0, event.indexOf('/'));
        String path = key.startsWith("k") ? "/hooks/orders" : "/hooks/refunds";
        String body = "{\"key\":\"" + key + "\",\"seq\":" + seq + "}";
        for (int attempt = 0; ; attempt++) {
            int port = ports.get((seq + attempt) % ports.size());
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 202) {
                    acknowledged.add(event);
                    return;
                }
                refused.incrementAndGet(); // a stopping runtime answers 503: not acknowledged
            } catch (ConnectException e) {
                refused.incrementAndGet(); // nothing listens any more: the runtime stopped or was killed
            } catch (IOException e) {
                // the runtime went away mid-request: it may have appended the event; it is not acknowledged
                unanswered.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** "k3/1203": the event with that sequence number, as the sink names it. */
    String event(int seq) {
        int key = seq % keys;
        return (key < orderKeys ? "k" : "r") + key + "/" + seq;
    }

    /** Waits for every sender to finish; returns how long the whole load took to send. */
    Duration awaitSent() throws Exception {
        for (Future<?> f : sending) {
            f.get();
        }
        pool.shutdown();
        return Duration.between(started, Instant.now());
    }

    boolean sending() {
        return sending.stream().anyMatch(f -> !f.isDone());
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** Attempts a runtime refused (connection refused, or not 202). */
    int refused() {
        return refused.get();
    }

    /** Attempts whose answer never came (the runtime went away mid-request): sent again, maybe twice in the log. */
    int unanswered() {
        return unanswered.get();
    }

    Instant started() {
        return started;
    }
}
