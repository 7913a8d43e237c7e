package dev.switchboard.runtime.bench;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * How late a healthy flow's events are delivered, alone and beside a flow whose target is down:
 * webhook → http.request to a local sink, posted at a steady rate; the sink notes how long each
 * event took from its POST to its arrival. With the failing flow, the same rate of events goes to
 * a target answering 503 under a retry policy, so its events keep failing and waiting for retries
 * all through the measurement. Not a test:
 * {@code scripts/bench-isolation [events] [rate-per-second]}.
 */
public final class IsolationBenchmark {
    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        Map<String, Long> latencyNanos = new ConcurrentHashMap<>();
        sink.createContext("/ok", exchange -> {
            long arrived = System.nanoTime();
            var body = Json.parse(exchange.getRequestBody().readAllBytes());
            latencyNanos.put(
                    body.path("n").asText(), arrived - body.path("sent").asLong());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        sink.createContext("/down", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        ExecutorService sinkThreads = Executors.newFixedThreadPool(8);
        sink.setExecutor(sinkThreads);
        sink.start();
        String base = "http://127.0.0.1:" + sink.getAddress().getPort();
        System.out.printf(Locale.ROOT, "isolation: %d events to the healthy flow at %d/s%n", events, rate);
        try {
            for (boolean withFailing : new boolean[] {false, true, false, true}) {
                latencyNanos.clear();
                measure(base, events, rate, withFailing, latencyNanos);
            }
        } finally {
            sink.stop(0);
            sinkThreads.shutdownNow();
        }
    }

    private static void measure(String base, int events, int rate, boolean withFailing, Map<String, Long> latencyNanos)
            throws Exception {
        DurableRuntime runtime = DurableRuntime.start(
                new EngineOptions(
                        "127.0.0.1", 0, Files.createTempDirectory("switchboard-isolation"), Duration.ofSeconds(5)),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of()),
                null,
                HistoryOptions.defaults());
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService senders = Executors.newFixedThreadPool(32);
        try {
            runtime.engine().deploy(forward("healthy", base + "/ok", null));
            if (withFailing) {
                runtime.engine()
                        .deploy(forward(
                                "failing",
                                base + "/down",
                                ConfigValue.object(
                                        "retry",
                                        ConfigValue.object("attempts", 20, "backoff", "1s", "maxBackoff", "2s"))));
            }
            String hooks = runtime.engine().httpBaseUrl() + "/hooks/";
            long start = System.nanoTime();
            long interval = 1_000_000_000L / rate;
            for (int i = 0; i < events; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int n = i;
                senders.execute(() ->
                        post(client, hooks + "healthy", "{\"n\": \"" + n + "\", \"sent\": " + System.nanoTime() + "}"));
                if (withFailing) {
                    senders.execute(() -> post(client, hooks + "failing", "{\"n\": \"f" + n + "\"}"));
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (latencyNanos.size() < events && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            long[] millis = latencyNanos.values().stream()
                    .mapToLong(ns -> ns / 1_000_000)
                    .sorted()
                    .toArray();
            System.out.printf(
                    Locale.ROOT,
                    "  %-28s delivered %5d/%d   latency ms: p50 %5d  p99 %5d  max %5d   retries waiting %d%n",
                    withFailing ? "beside a failing flow" : "alone",
                    millis.length,
                    events,
                    percentile(millis, 50),
                    percentile(millis, 99),
                    millis.length == 0 ? -1 : millis[millis.length - 1],
                    runtime.inbox().retryCount());
        } finally {
            senders.shutdownNow();
            runtime.close();
        }
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static Flow forward(String id, String url, ConfigValue.Fields settings) {
        return new Flow(
                FlowFormat.CURRENT,
                id,
                id,
                null,
                null,
                List.of(
                        new Node("in", "webhook", null, ConfigValue.object("path", "/hooks/" + id), null),
                        new Node(
                                "send",
                                "http.request",
                                null,
                                ConfigValue.object("method", "POST", "url", url, "output", "original"),
                                null)),
                List.of(Wire.of("in", "send")),
                settings);
    }

    private static void post(HttpClient client, String url, String json) {
        try {
            client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            System.err.println("post to " + url + " failed: " + e);
        }
    }

    private IsolationBenchmark() {}
}
