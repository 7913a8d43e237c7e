package dev.switchboard.runtime.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.metrics.RuntimeMetrics;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Throughput of a compiled flow (trigger → filter → map → action) against the hand-written Camel
 * route doing the same work, in one JVM, in alternating rounds. Not a test: run it with
 * {@code scripts/bench} and compare the ratio, never absolute figures across machines.
 */
public final class FlowThroughputBenchmark {
    private static final LongAdder COMPILED_COUNT = new LongAdder();
    private static final LongAdder HAND_COUNT = new LongAdder();
    private static final BigDecimal THRESHOLD = BigDecimal.valueOf(50);
    /** Every event runs on the sending thread: its CPU time is what the flow costs, whatever else the machine runs. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Events per second of the sending thread's CPU time, in the last {@link #run}. */
    private static double lastCpuRate;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            payloads.add("{\"name\":\"customer " + i + "\",\"score\":" + (i % 100) + ",\"email\":\"c" + i
                    + "@example.com\"}");
        }
        List<Connector> connectors = new ArrayList<>(ConnectorCatalog.load().all());
        connectors.add(new CountingAction());
        EngineOptions options =
                EngineOptions.defaults().withHttpPort(0).withDataDir(Files.createTempDirectory("switchboard-bench"));
        try (Engine engine =
                new Engine(options, new ConnectorCatalog(connectors), SecretResolver.of(Map.of())).start()) {
            // -Dbench.metrics=true: the same with RuntimeMetrics bound (Camel's route policy and its run listener)
            RuntimeMetrics metrics = Boolean.getBoolean("bench.metrics")
                    ? RuntimeMetrics.bind(engine, null, RuntimeMetrics.DEFAULT_STORE_SAMPLE_INTERVAL)
                    : null;
            engine.deploy(compiledFlow());
            engine.camel().addRoutes(handWrittenRoute());
            try (ProducerTemplate producer = engine.camel().createProducerTemplate()) {
                String compiledUri = InjectConnector.endpoint("bench");
                // -Dbench.only=compiled|hand: run one side only, for a profiler (prints its rate)
                String only = System.getProperty("bench.only");
                if (only != null) {
                    String uri = "hand".equals(only) ? "direct:hand" : compiledUri;
                    for (int r = 0; r < rounds; r++) {
                        System.out.printf(
                                Locale.ROOT, "%s: %,12.0f events/s%n", only, run(producer, uri, payloads, events));
                    }
                    return;
                }
                for (int w = 0; w < 5; w++) {
                    run(producer, compiledUri, payloads, events / 2);
                    run(producer, "direct:hand", payloads, events / 2);
                }
                double[] compiled = new double[rounds];
                double[] hand = new double[rounds];
                double[] ratios = new double[rounds];
                double[] compiledCpu = new double[rounds];
                double[] handCpu = new double[rounds];
                double[] cpuRatios = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    // alternate which side goes first, so neither always runs right after a GC or a noisy neighbour
                    if (r % 2 == 0) {
                        compiled[r] = run(producer, compiledUri, payloads, events);
                        compiledCpu[r] = lastCpuRate;
                        hand[r] = run(producer, "direct:hand", payloads, events);
                        handCpu[r] = lastCpuRate;
                    } else {
                        hand[r] = run(producer, "direct:hand", payloads, events);
                        handCpu[r] = lastCpuRate;
                        compiled[r] = run(producer, compiledUri, payloads, events);
                        compiledCpu[r] = lastCpuRate;
                    }
                    ratios[r] = compiled[r] / hand[r];
                    cpuRatios[r] = compiledCpu[r] / handCpu[r];
                }
                double c = median(compiled);
                double h = median(hand);
                System.out.printf(Locale.ROOT, "events per round: %d, rounds: %d (median)%n", events, rounds);
                System.out.printf(Locale.ROOT, "compiled flow     : %,12.0f events/s%n", c);
                System.out.printf(Locale.ROOT, "hand-written route: %,12.0f events/s%n", h);
                System.out.printf(Locale.ROOT, "ratio compiled/hand-written: %.3f (goal >= 0.90)%n", c / h);
                System.out.printf(Locale.ROOT, "median of per-round ratios : %.3f%n", median(ratios));
                // on a busy machine wall-clock rates swing with the neighbours; the sending thread's CPU time much less
                System.out.printf(
                        Locale.ROOT,
                        "by CPU time of the sending thread: compiled %,.0f, hand-written %,.0f events/s, ratio %.3f"
                                + " (median of per-round %.3f)%n",
                        median(compiledCpu),
                        median(handCpu),
                        median(compiledCpu) / median(handCpu),
                        median(cpuRatios));
                System.out.printf(
                        Locale.ROOT,
                        "events reaching the action: compiled %d, hand-written %d%n",
                        COMPILED_COUNT.sum(),
                        HAND_COUNT.sum());
                System.out.printf(Locale.ROOT, "metrics bound: %b%n", metrics != null);
            }
        }
    }

    private static double run(ProducerTemplate producer, String uri, List<String> payloads, int events) {
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < events; i++) {
            producer.sendBody(uri, payloads.get(i % payloads.size()));
        }
        lastCpuRate = events / ((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        return events / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static Flow compiledFlow() {
        Node in = new Node("in", "test.inject", null, ConfigValue.object("channel", "bench"), null);
        Node hot = new Node(
                "hot",
                "filter",
                null,
                ConfigValue.object(
                        "match",
                        "all",
                        "rules",
                        ConfigValue.list(ConfigValue.object("field", "data.score", "op", "gt", "value", 50))),
                null);
        Node shape = new Node(
                "shape",
                "map",
                null,
                ConfigValue.object(
                        "fields", ConfigValue.object("name", "{{data.name | upper}}", "score", "{{data.score}}")),
                null);
        Node count = new Node("count", "bench.count", null, ConfigValue.Fields.EMPTY, null);
        return new Flow(
                FlowFormat.CURRENT,
                "bench",
                "Benchmark",
                null,
                null,
                List.of(in, hot, shape, count),
                List.of(Wire.of("in", "hot"), Wire.of("hot", "matched", "shape"), Wire.of("shape", "count")),
                null);
    }

    /** What a Camel developer would write by hand for the same flow. */
    private static RouteBuilder handWrittenRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:hand")
                        .routeId("hand-written")
                        .process(e -> e.getIn()
                                .setBody(Event.create(
                                        "/bench/hand",
                                        "bench",
                                        Json.parse(e.getIn().getBody(String.class)))))
                        .filter(e -> e.getIn()
                                        .getBody(Event.class)
                                        .data()
                                        .path("score")
                                        .decimalValue()
                                        .compareTo(THRESHOLD)
                                > 0)
                        .process(e -> {
                            Event event = e.getIn().getBody(Event.class);
                            ObjectNode data = Json.NODES.objectNode();
                            data.put("name", event.data().path("name").asText().toUpperCase(Locale.ROOT));
                            data.set("score", event.data().path("score"));
                            e.getIn().setBody(event.withData(data));
                        })
                        .process(e -> HAND_COUNT.increment());
            }
        };
    }

    /** Counts events, the cheapest possible action, so the figures measure the flow, not a sink. */
    static final class CountingAction implements Connector {
        @Override
        public ConnectorSpec spec() {
            return ConnectorSpec.builder("bench.count", ConnectorKind.ACTION)
                    .title("Count (benchmark)")
                    .noOutputs()
                    .build();
        }

        @Override
        public void compile(NodeContext node) {
            node.route().process(e -> COMPILED_COUNT.increment());
        }
    }
}
