package dev.switchboard.runtime.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.connector.support.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** A real HTTP endpoint on loopback that records the CloudEvents POSTed to it, and can be told to answer 503. */
final class TargetServer implements AutoCloseable {
    private final HttpServer server;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> byKey = new ConcurrentHashMap<>();
    private final LongAdder attempts = new LongAdder();
    private volatile boolean down;

    TargetServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            attempts.increment();
            int status = 200;
            if (down) {
                status = 503;
            } else {
                JsonNode event = Json.parse(body);
                received.add(event);
                byKey.computeIfAbsent(key(event), k -> new AtomicInteger()).incrementAndGet();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
    }

    /** n when the test numbers its events (CloudEvent data.n, or n in plain data as http.request sends it), else the event id. */
    static String key(JsonNode body) {
        JsonNode n = body.path("data").path("n");
        if (n.isMissingNode()) {
            n = body.path("n");
        }
        return n.isMissingNode() ? body.path("id").asText() : n.asText();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    void down(boolean isDown) {
        this.down = isDown;
    }

    List<JsonNode> received() {
        return received;
    }

    Map<String, AtomicInteger> deliveriesByKey() {
        return byKey;
    }

    long attempts() {
        return attempts.sum();
    }

    void reset() {
        received.clear();
        byKey.clear();
        attempts.reset();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
