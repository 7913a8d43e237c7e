package dev.switchboard.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.runtime.cluster.ClusterSink.Delivery;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode with real parts, each runtime its own JVM: a KRaft broker (in this JVM), a PostgreSQL
 * server, {@code switchboard run --cluster} processes on their own webhook ports, a sink here that
 * counts every delivery and which runtime made it, and a receiving Switchboard runtime here (its own
 * H2 store, never stopped) with the documented receiving-side dedupe (webhook → dedupe on {@code
 * {{httpidempotencykey}}}).
 *
 * <p>10,000 webhook events go over the ports to two flows ({@code orders}, ordered by key and also
 * forwarded with {@code Idempotency-Key} to the receiver; {@code refunds}). While they are sent: a
 * fourth runtime starts and joins, {@code refunds} is replaced through one runtime's admin API, one
 * runtime gets SIGTERM, and the one holding the schedule's lease is killed outright. Every event that
 * got its 202 must reach the sink; repeats only as at-least-once allows, none from the graceful
 * stop, none behind the receiver's dedupe; each key's events in the order they were accepted; the
 * schedule fires once per tick across the cluster, also after its holder died.
 */
class ClusterIT {
    private static final int EVENTS = 10_000;
    private static final int KEYS = 80;
    /** Keys below this are orders (ordered, forwarded to the receiver); the rest refunds (replaced mid-load). */
    private static final int ORDER_KEYS = 60;

    private static final int SENDERS = 40;

    /** Kept when the test fails: the runtimes' output is there. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private ClusterProcesses cluster;
    private ClusterSink sink;
    private DurableRuntime receiver;

    @AfterEach
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (sink != null) {
            sink.close();
        }
    }

    @Test
    void fourRuntimesLoseNoEventThroughAJoinAHotReplaceASigtermAndAKillMinus9() throws Exception {
        Instant testStart = Instant.now();
        cluster = new ClusterProcesses(dir);
        sink = new ClusterSink();
        receiver = startReceiver();
        Files.writeString(
                cluster.flows().resolve("orders.flow.json"),
                ordersFlow(sink.baseUrl(), receiver.engine().httpBaseUrl()));
        Files.writeString(cluster.flows().resolve("refunds.flow.json"), refundsFlow(sink.baseUrl(), 1));
        Files.writeString(cluster.flows().resolve("ticks.flow.json"), ticksFlow(sink.baseUrl()));
        for (int i = 0; i < 3; i++) {
            cluster.startRuntime();
        }
        for (int i = 0; i < 3; i++) {
            cluster.awaitStarted(i);
        }
        // the runtime running the schedule is the one to die: its trigger must move too
        int killed = cluster.awaitLeaseHolder("ticks:tick");
        int replacedAt = (killed + 1) % 3;
        int terminated = (killed + 2) % 3;

        ClusterLoad load = new ClusterLoad(
                EVENTS, KEYS, ORDER_KEYS, SENDERS, List.of(cluster.port(0), cluster.port(1), cluster.port(2)));
        load.start();
        Map<String, String> steps = new LinkedHashMap<>();

        awaitAcknowledged(load, EVENTS / 10);
        step(steps, "fourth runtime started", load);
        int joined = cluster.startRuntime();
        // it joins while the load goes on; behind the load balancer once it serves webhooks
        CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
            cluster.awaitStarted(joined);
            load.addPort(cluster.port(joined));
        });
        // the load goes on while it starts; if it is not serving by 20 %, the senders wait for it, so
        // it always joins with most of the load still to come
        awaitAcknowledged(load, EVENTS * 2 / 10);
        load.holdUntil(serving);

        awaitAcknowledged(load, EVENTS * 3 / 10);
        step(steps, "refunds replaced", load);
        HttpResponse<String> replaced = cluster.putFlow(replacedAt, "refunds", refundsFlow(sink.baseUrl(), 2));
        assertThat(replaced.statusCode()).as("hot replace: %s", replaced.body()).isEqualTo(200);

        awaitAcknowledged(load, EVENTS * 45 / 100);
        step(steps, "SIGTERM", load);
        cluster.process(terminated).destroy();

        awaitAcknowledged(load, EVENTS * 6 / 10);
        step(steps, "kill -9", load);
        cluster.process(killed).destroyForcibly();
        Instant killedAt = Instant.now();
        assertThat(load.sending())
                .as("the kill came mid-load (steps: %s)", steps)
                .isTrue();

        Duration sendTime = load.awaitSent();
        serving.get(90, TimeUnit.SECONDS);
        Set<String> acknowledged = load.acknowledged();
        assertThat(acknowledged).hasSize(EVENTS);
        await("every acknowledged event delivered")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> delivered(sink.deliveries()).containsAll(acknowledged)
                        && onceDelivered().containsAll(orders(acknowledged)));
        Duration deliverTime = Duration.between(load.started(), Instant.now());

        assertThat(cluster.process(terminated).waitFor(60, TimeUnit.SECONDS))
                .as("the runtime stops on SIGTERM")
                .isTrue();
        assertThat(Files.readString(cluster.output(terminated))).contains("Stopping: finishing in-flight events");

        Map<String, List<Delivery>> deliveries = sink.deliveries();
        List<Delivery> all = deliveries.values().stream().flatMap(List::stream).toList();
        Set<String> delivered = delivered(deliveries);
        Map<String, Long> repeatsByFirstRunner = repeatsByFirstRunner(all);
        long repeats = repeatsByFirstRunner.values().stream()
                .mapToLong(Long::longValue)
                .sum();
        long resent = all.stream().map(d -> d.event() + "@" + d.id()).distinct().count() - delivered.size();
        Map<String, Long> byRuntime =
                all.stream().collect(Collectors.groupingBy(Delivery::by, TreeMap::new, Collectors.counting()));
        List<Event> raw = CaptureConnector.events("cluster-raw");
        List<Event> once = CaptureConnector.events("cluster-once");
        Map<String, Long> onceByKey =
                once.stream().collect(Collectors.groupingBy(ClusterIT::idempotencyKey, Collectors.counting()));
        System.out.printf(
                "ClusterIT: %d events sent, %d acknowledged (202), %d delivered (distinct), %d lost; %d deliveries:"
                        + " %d runs repeated (by the runtime that ran them first: %s; killed=runtime-%d,"
                        + " SIGTERM=runtime-%d), %d events sent again after an unanswered request (%d unanswered,"
                        + " %d refused attempts); deliveries by runtime %s; steps %s;"
                        + " sent in %d ms, all delivered after %d ms%n",
                EVENTS,
                acknowledged.size(),
                delivered.size(),
                acknowledged.stream().filter(e -> !delivered.contains(e)).count(),
                all.size(),
                repeats,
                repeatsByFirstRunner,
                killed,
                terminated,
                resent,
                load.unanswered(),
                load.refused(),
                byRuntime,
                steps,
                sendTime.toMillis(),
                deliverTime.toMillis());
        System.out.printf(
                "ClusterIT: receiver with dedupe: %d raw arrivals for %d event ids; %d passed the dedupe,"
                        + " %d of them more than once%n",
                raw.size(),
                raw.stream().map(ClusterIT::idempotencyKey).distinct().count(),
                once.size(),
                onceByKey.values().stream().filter(n -> n > 1).count());

        assertThat(sink.unreadable()).isEmpty();
        assertThat(delivered).containsAll(acknowledged).hasSize(EVENTS);
        // at-least-once: a copy only of what a runtime had run and not committed
        assertThat(repeats).isLessThanOrEqualTo(EVENTS / 2);
        // a partition moves without a repeat when its runtime hands it over (a join, a SIGTERM): only the
        // killed runtime's uncommitted runs happen again
        assertThat(repeatsByFirstRunner.keySet())
                .as("runtimes whose runs happened again")
                .isSubsetOf("runtime-" + killed);
        // the receiving side's dedupe on the Idempotency-Key (the event id) lets each event through once
        assertThat(onceByKey).allSatisfy((key, n) -> assertThat(n).as(key).isOne());
        assertThat(onceDelivered()).containsAll(orders(acknowledged));
        deliveries.forEach((key, list) -> {
            if (key.startsWith("k")) {
                assertThat(firstDeliveries(list))
                        .as("events of %s in the order they were accepted", key)
                        .isSorted();
            }
        });
        // settings.orderingKey spread the flows' events over the partitions (the flow id alone would use one)
        assertThat(cluster.partitionsWithRecords())
                .as("partitions holding events")
                .hasSizeGreaterThan(1);
        // the runtime that joined mid-load took partitions and ran events of them
        assertThat(byRuntime.getOrDefault("runtime-" + joined, 0L))
                .as("deliveries by the runtime that joined")
                .isPositive();
        // the replaced flow ran in its new version where it was replaced
        assertThat(all)
                .filteredOn(d -> d.version() == 2)
                .extracting(Delivery::by)
                .contains("runtime-" + replacedAt);
        // the survivors are ready and between them consume every partition
        await("the survivors consume every partition")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Set<Integer> consumed = new HashSet<>(cluster.partitionsOf(replacedAt));
                    Set<Integer> ofJoined = cluster.partitionsOf(joined);
                    assertThat(ofJoined)
                            .as("partitions of the runtime that joined")
                            .isNotEmpty();
                    consumed.addAll(ofJoined);
                    assertThat(consumed).hasSize(ClusterProcesses.PARTITIONS);
                });
        assertSchedule(killedAt);
        System.out.printf(
                "ClusterIT: whole test %d s (broker, database and three runtimes up after %d s)%n",
                Duration.between(testStart, Instant.now()).toSeconds(),
                Duration.between(testStart, load.started()).toSeconds());
    }

    /** The schedule: after its holder died another runtime fires it, and never two at once. */
    private void assertSchedule(Instant killedAt) {
        Instant after = killedAt.plusSeconds(1);
        await("the schedule fires again after its runtime died")
                .atMost(Duration.ofSeconds(60))
                .until(() -> sink.ticks().stream().filter(t -> t.isAfter(after)).count() >= 3);
        List<Instant> ticks = sink.ticks();
        Instant first = ticks.stream().min(Instant::compareTo).orElseThrow();
        Instant last = ticks.stream().max(Instant::compareTo).orElseThrow();
        long seconds = first.until(last, ChronoUnit.SECONDS);
        System.out.printf("ClusterIT: %d schedule ticks over %d s%n", ticks.size(), seconds);
        assertThat((long) ticks.size()).isLessThanOrEqualTo(seconds + 2);
    }

    private static void step(Map<String, String> steps, String step, ClusterLoad load) {
        steps.put(
                step,
                load.acknowledgedCount() + " acknowledged, "
                        + Duration.between(load.started(), Instant.now()).toMillis() + " ms");
        System.out.printf("ClusterIT: %s at %s%n", step, steps.get(step));
    }

    private static void awaitAcknowledged(ClusterLoad load, int count) {
        await(count + " events acknowledged")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> load.acknowledgedCount() >= count);
    }

    /**
     * Runs that happened again (the same event id delivered more than once), by the runtime that ran
     * them first: the one that did not commit them.
     */
    private static Map<String, Long> repeatsByFirstRunner(List<Delivery> all) {
        Map<String, List<Delivery>> byId = all.stream().collect(Collectors.groupingBy(Delivery::id));
        return byId.values().stream()
                .filter(runs -> runs.size() > 1)
                .collect(Collectors.groupingBy(
                        runs -> runs.get(0).by(), TreeMap::new, Collectors.summingLong(runs -> runs.size() - 1)));
    }

    private static Set<String> delivered(Map<String, List<Delivery>> deliveries) {
        Set<String> all = new HashSet<>();
        deliveries.values().forEach(list -> list.forEach(d -> all.add(d.event())));
        return all;
    }

    private static Set<String> orders(Set<String> events) {
        return events.stream().filter(e -> e.startsWith("k")).collect(Collectors.toSet());
    }

    /** The events that passed the receiver's dedupe, as "k3/1203". */
    private static Set<String> onceDelivered() {
        return CaptureConnector.events("cluster-once").stream()
                .map(e -> e.data().path("key").asText() + "/"
                        + e.data().path("seq").asInt())
                .collect(Collectors.toSet());
    }

    private static String idempotencyKey(Event event) {
        return event.extensions().getOrDefault("httpidempotencykey", "");
    }

    /** A key's deliveries without the repeats: the order in which each event first ran. */
    private static List<Integer> firstDeliveries(List<Delivery> deliveries) {
        return new ArrayList<>(
                deliveries.stream().map(Delivery::seq).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private DurableRuntime startReceiver() throws Exception {
        CaptureConnector.clear("cluster-raw");
        CaptureConnector.clear("cluster-once");
        DurableRuntime started = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, dir.resolve("receiver-data"), Duration.ofSeconds(5)),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of()),
                null,
                HistoryOptions.defaults());
        started.engine().deploy(FlowCodec.read("""
                {
                  "format": "switchboard/flow@1",
                  "id": "receiver",
                  "settings": { "history": "off" },
                  "nodes": [
                    { "id": "in", "type": "webhook", "config": { "path": "/hooks/once" } },
                    { "id": "raw", "type": "test.capture", "config": { "sink": "cluster-raw" } },
                    { "id": "unique", "type": "dedupe", "config": { "key": "{{httpidempotencykey}}", "window": "1h" } },
                    { "id": "once", "type": "test.capture", "config": { "sink": "cluster-once" } }
                  ],
                  "wires": [ { "from": "in", "to": "raw" }, { "from": "raw", "to": "unique" }, { "from": "unique", "to": "once" } ]
                }
                """));
        return started;
    }

    /** Ordered by key; each event to the sink (with its id and the runtime that ran it) and, with Idempotency-Key, to the receiver. */
    private static String ordersFlow(String sink, String receiver) {
        return """
                {
                  "format": "switchboard/flow@1",
                  "id": "orders",
                  "name": "Orders",
                  "settings": { "orderingKey": "{{data.key}}" },
                  "nodes": [
                    { "id": "hook", "type": "webhook", "config": { "path": "/hooks/orders" } },
                    { "id": "deliver", "type": "http.request",
                      "config": { "method": "POST", "url": "%s/events",
                                  "body": "{\\"key\\": {{data.key}}, \\"seq\\": {{data.seq}}, \\"id\\": {{id}}, \\"by\\": \\"{{env:SB_RUNTIME}}\\"}" } },
                    { "id": "forward", "type": "http.request",
                      "config": { "method": "POST", "url": "%s/hooks/once", "idempotencyKey": true,
                                  "retries": 5, "retryBackoff": "200ms" } }
                  ],
                  "wires": [ { "from": "hook", "to": "deliver" }, { "from": "hook", "to": "forward" } ]
                }
                """.formatted(sink, receiver);
    }

    private static String refundsFlow(String sink, int version) {
        return """
                {
                  "format": "switchboard/flow@1",
                  "id": "refunds",
                  "name": "Refunds v%d",
                  "settings": { "orderingKey": "{{data.key}}" },
                  "nodes": [
                    { "id": "hook", "type": "webhook", "config": { "path": "/hooks/refunds" } },
                    { "id": "deliver", "type": "http.request",
                      "config": { "method": "POST", "url": "%s/events",
                                  "body": "{\\"key\\": {{data.key}}, \\"seq\\": {{data.seq}}, \\"id\\": {{id}}, \\"by\\": \\"{{env:SB_RUNTIME}}\\", \\"version\\": %d}" } }
                  ],
                  "wires": [ { "from": "hook", "to": "deliver" } ]
                }
                """.formatted(version, sink, version);
    }

    private static String ticksFlow(String sink) {
        return """
                {
                  "format": "switchboard/flow@1",
                  "id": "ticks",
                  "name": "Ticks",
                  "nodes": [
                    { "id": "tick", "type": "schedule", "config": { "mode": "cron", "cron": "* * * * * ?" } },
                    { "id": "deliver", "type": "http.request",
                      "config": { "method": "POST", "url": "%s/ticks",
                                  "body": "{\\"firedAt\\": \\"{{data.firedAt}}\\"}" } }
                  ],
                  "wires": [ { "from": "tick", "to": "deliver" } ]
                }
                """.formatted(sink);
    }
}
