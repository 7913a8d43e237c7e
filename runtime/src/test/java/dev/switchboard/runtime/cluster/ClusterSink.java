package dev.switchboard.runtime.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.connector.support.Json;
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

/**
 * The cluster tests' sink, a loopback HTTP server in the test JVM: every event the runtimes deliver
 * ({@code POST /events} with {"key":…,"seq":…} and, when the flow sends them, the event's {@code id},
 * the delivering runtime as {@code by} and the flow's {@code version}) in the order it arrived per
 * key, and every schedule tick ({@code POST /ticks} with {"firedAt":…}).
 */
final class ClusterSink implements AutoCloseable {
    /** One delivery; {@code id} and {@code by} are empty and {@code version} 1 when the flow did not send them. */
    record Delivery(String key, int seq, String id, String by, int version) {
        String event() {
            return key + "/" + seq;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Map<String, List<Delivery>> byKey = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Instant> ticks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unreadable = new ConcurrentLinkedQueue<>();

    ClusterSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.createContext("/events", exchange -> {
            String body = read(exchange.getRequestBody());
            JsonNode json = parse(body);
            if (json.path("key").isTextual() && json.path("seq").isInt()) {
                Delivery delivery = new Delivery(
                        json.path("key").asText(),
                        json.path("seq").asInt(),
                        json.path("id").asText(""),
                        json.path("by").asText(""),
                        json.path("version").asInt(1));
                List<Delivery> deliveries = byKey.computeIfAbsent(delivery.key(), k -> new ArrayList<>());
                synchronized (deliveries) {
                    deliveries.add(delivery);
                }
            } else {
                unreadable.add(body);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/ticks", exchange -> {
            String body = read(exchange.getRequestBody());
            JsonNode firedAt = parse(body).path("firedAt");
            if (firedAt.isTextual()) {
                ticks.add(Instant.parse(firedAt.asText()));
            } else {
                unreadable.add(body);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    private static JsonNode parse(String body) {
        try {
            return Json.parse(body);
        } catch (IllegalArgumentException e) {
            return MissingNode.getInstance(); // not JSON: the caller keeps the body as unreadable
        }
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Each key's deliveries in the order they arrived (duplicates included). */
    Map<String, List<Delivery>> deliveries() {
        Map<String, List<Delivery>> copy = new ConcurrentHashMap<>();
        byKey.forEach((key, deliveries) -> {
            synchronized (deliveries) {
                copy.put(key, List.copyOf(deliveries));
            }
        });
        return copy;
    }

    /** Each key's sequence numbers in the order they arrived (duplicates included). */
    Map<String, List<Integer>> byKey() {
        Map<String, List<Integer>> seqs = new ConcurrentHashMap<>();
        deliveries()
                .forEach((key, deliveries) ->
                        seqs.put(key, deliveries.stream().map(Delivery::seq).toList()));
        return seqs;
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
