package dev.switchboard.runtime.cluster;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster test's sink, a loopback HTTP server in the test JVM: every event the runtimes deliver
 * ({@code POST /events} with {"key":…,"seq":…}) in the order it arrived per key, and every schedule
 * tick ({@code POST /ticks} with {"firedAt":…}).
 */
final class ClusterSink implements AutoCloseable {
    private static final Pattern EVENT =
            Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\".*\"seq\"\\s*:\\s*(\\d+)", Pattern.DOTALL);
    private static final Pattern TICK = Pattern.compile("\"firedAt\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Map<String, List<Integer>> byKey = new ConcurrentHashMap<>();
    private final AtomicInteger deliveries = new AtomicInteger();
    private final ConcurrentLinkedQueue<Instant> ticks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unreadable = new ConcurrentLinkedQueue<>();

    ClusterSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.createContext("/events", exchange -> {
            String body = read(exchange.getRequestBody());
            Matcher m = EVENT.matcher(body);
            if (m.find()) {
                List<Integer> seqs = byKey.computeIfAbsent(m.group(1), k -> new ArrayList<>());
                synchronized (seqs) {
                    seqs.add(Integer.parseInt(m.group(2)));
                }
                deliveries.incrementAndGet();
            } else {
                unreadable.add(body);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/ticks", exchange -> {
            String body = read(exchange.getRequestBody());
            Matcher m = TICK.matcher(body);
            if (m.find()) {
                ticks.add(Instant.parse(m.group(1)));
            } else {
                unreadable.add(body);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int deliveries() {
        return deliveries.get();
    }

    /** Each key's sequence numbers in the order they arrived (duplicates included). */
    Map<String, List<Integer>> byKey() {
        Map<String, List<Integer>> copy = new ConcurrentHashMap<>();
        byKey.forEach((key, seqs) -> {
            synchronized (seqs) {
                copy.put(key, List.copyOf(seqs));
            }
        });
        return copy;
    }

    List<Instant> ticks() {
        return List.copyOf(ticks);
    }

    List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
