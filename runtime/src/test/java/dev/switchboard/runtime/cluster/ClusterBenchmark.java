package dev.switchboard.runtime.cluster;

import dev.switchboard.runtime.store.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.test.KafkaClusterTestKit;

/**
 * {@code scripts/bench-cluster}: events per second through a cluster of 1, 2 and 3 runtimes (each its
 * own JVM, a fresh KRaft broker and database per round), from the first webhook to the last
 * delivery at a loopback sink; and per-process efficiency against one runtime. On one machine the
 * runtimes share its cores with the broker, the database, the sink and the senders: the figures show
 * the overhead of the cluster path, not how it scales across machines.
 *
 * <p>Arguments: [events] [senders] [max-runtimes].
 */
public final class ClusterBenchmark {
    private ClusterBenchmark() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 4_000;
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        int maxRuntimes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        double single = 0;
        System.out.printf(
                "%-9s %8s %9s %10s %12s %11s%n",
                "runtimes", "events", "seconds", "events/s", "per runtime", "efficiency");
        for (int n = 1; n <= maxRuntimes; n++) {
            double rate = round(n, events, senders);
            if (n == 1) {
                single = rate;
            }
            System.out.printf(
                    "%-9d %8d %9.1f %10.0f %12.0f %10.0f%%%n",
                    n, events, events / rate, rate, rate / n, 100 * rate / n / single);
        }
        System.exit(0);
    }

    /** One round with {@code n} runtimes; returns events per second. */
    private static double round(int n, int events, int senders) throws Exception {
        Path dir = Files.createTempDirectory("switchboard-bench-cluster-");
        KafkaClusterTestKit kafka = ClusterProcesses.broker();
        List<Process> runtimes = new ArrayList<>();
        try (ClusterSink sink = new ClusterSink()) {
            String db = PostgresServer.get().newDatabase();
            Path flows = Files.createDirectories(dir.resolve("flows"));
            Files.writeString(flows.resolve("orders.flow.json"), ClusterProcesses.ordersFlow(sink.baseUrl()));
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ports[i] = ClusterProcesses.freePort();
                runtimes.add(
                        ClusterProcesses.startRuntime(dir, kafka.bootstrapServers(), i, ports[i], db, flows, false));
            }
            for (int i = 0; i < n; i++) {
                Path out = dir.resolve("runtime-" + i + ".out");
                while (!Files.exists(out) || !Files.readString(out).contains("  webhooks:")) {
                    if (!runtimes.get(i).isAlive()) {
                        throw new IllegalStateException("runtime " + i + " exited: " + Files.readString(out));
                    }
                    Thread.sleep(200); // a benchmark's start-up wait, not a test
                }
            }
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            int warmUp = Math.max(200, events / 10);
            send(http, ports, 0, warmUp, senders);
            awaitDelivered(sink, warmUp);
            long start = System.nanoTime();
            send(http, ports, warmUp, events, senders);
            awaitDelivered(sink, warmUp + events);
            return events / ((System.nanoTime() - start) / 1e9);
        } finally {
            runtimes.forEach(Process::destroy);
            for (Process p : runtimes) {
                p.onExit().get();
            }
            kafka.close();
        }
    }

    private static void send(HttpClient http, int[] ports, int from, int count, int senders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        AtomicInteger next = new AtomicInteger(from);
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            done.add(pool.submit(() -> {
                for (int seq = next.getAndIncrement(); seq < from + count; seq = next.getAndIncrement()) {
                    String body = "{\"key\":\"k" + (seq % 240) + "\",\"seq\":" + seq + "}";
                    HttpRequest request = HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + ports[seq % ports.length] + "/hooks/orders"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    if (status != 202) {
                        throw new IllegalStateException("event " + seq + " got " + status);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    private static void awaitDelivered(ClusterSink sink, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (sink.byKey().values().stream()
                        .mapToLong(seqs -> seqs.stream().distinct().count())
                        .sum()
                < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every event was delivered within 5 minutes");
            }
            Thread.sleep(50); // polling the sink between measurements
        }
    }
}
