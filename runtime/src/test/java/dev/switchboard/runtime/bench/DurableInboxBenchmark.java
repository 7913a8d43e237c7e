package dev.switchboard.runtime.bench;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.engine.Inbox;
import dev.switchboard.runtime.engine.RunTracker;
import dev.switchboard.runtime.engine.compile.Services;
import dev.switchboard.runtime.metrics.RuntimeMetrics;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.HistoryLevel;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DeadLetterStore;
import dev.switchboard.runtime.store.HistoryOptions;
import dev.switchboard.runtime.store.HistoryWriter;
import dev.switchboard.runtime.store.Store;
import dev.switchboard.runtime.store.StoreInbox;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

/**
 * Durable vs in-memory inbox: concurrent webhook POSTs (real HTTP on loopback) into a push
 * trigger → counting action. Variants: in-memory inbox (same dispatcher threads, no store),
 * durable inbox with group commit (the default), durable inbox committing each event alone, and
 * the default durable inbox without run history (to tell the inbox's cost from history's), and
 * the default durable inbox with {@link RuntimeMetrics} bound (what metrics cost per event), and
 * the default durable inbox at each run history level ({@code full} is the group-commit variant:
 * {@link HistoryOptions#defaults()}; {@code off} keeps the writer listening but writes nothing).
 * Reports accepted/s (202s), completed/s and — where history is written — history/s (every run
 * of the round stored), median of rounds, and ratios to in-memory; then what each variant cost in
 * CPU, which other load on the machine disturbs less than throughput: the process's CPU time per
 * event (HTTP clients included, the same in every variant) and the history writer thread's per run
 * (snapshots, masking, the inserts and their commit).
 * Not a test: {@code java -cp <test classpath> dev.switchboard.runtime.bench.DurableInboxBenchmark [events] [rounds] [clients] [padding]}.
 */
public final class DurableInboxBenchmark {
    private static final LongAdder COUNT = new LongAdder();
    /** Characters of filler text in each event's data (a 4th argument): snapshots grow with events. */
    private static int padding;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        padding = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        String[] variants = {
            "in-memory",
            "durable (group commit)",
            "durable (commit per event)",
            "durable, no run history",
            "durable + metrics bound",
            "durable, history errors",
            "durable, history summary",
            "durable, history off"
        };
        double[][] accepted = new double[variants.length][rounds];
        double[][] completed = new double[variants.length][rounds];
        double[][] historyWritten = new double[variants.length][rounds];
        double[][] cpuPerEvent = new double[variants.length][rounds];
        double[][] writerCpuPerRun = new double[variants.length][rounds];
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService senders = Executors.newFixedThreadPool(clients);
        for (int r = -1; r < rounds; r++) { // round -1 warms up
            // each round starts at another variant: none always runs first (colder) or last (warmest)
            for (int i = 0; i < variants.length; i++) {
                int v = Math.floorMod(r + i, variants.length);
                double[] result = round(v, events, http, senders);
                if (r >= 0) {
                    accepted[v][r] = result[0];
                    completed[v][r] = result[1];
                    historyWritten[v][r] = result[2];
                    cpuPerEvent[v][r] = result[3];
                    writerCpuPerRun[v][r] = result[4];
                }
            }
        }
        senders.shutdown();
        System.out.printf(
                Locale.ROOT,
                "events per round: %d, clients: %d, rounds: %d (median), padding: %d chars%n",
                events,
                clients,
                rounds,
                padding);
        double baseAccepted = median(accepted[0]);
        double baseCompleted = median(completed[0]);
        for (int v = 0; v < variants.length; v++) {
            double written = median(historyWritten[v]);
            System.out.printf(
                    Locale.ROOT,
                    "%-28s accepted %,9.0f/s (x%.2f)   completed %,9.0f/s (x%.2f)%s%n",
                    variants[v],
                    median(accepted[v]),
                    median(accepted[v]) / baseAccepted,
                    median(completed[v]),
                    median(completed[v]) / baseCompleted,
                    written > 0
                            ? String.format(
                                    Locale.ROOT, "   history %,9.0f/s (x%.2f)", written, written / baseCompleted)
                            : "");
        }
        System.out.println("CPU (median): process µs per event, history writer thread µs per run");
        for (int v = 0; v < variants.length; v++) {
            double writer = median(writerCpuPerRun[v]);
            System.out.printf(
                    Locale.ROOT,
                    "%-28s process %7.1f µs/event (x%.2f)%s%n",
                    variants[v],
                    median(cpuPerEvent[v]),
                    median(cpuPerEvent[v]) / median(cpuPerEvent[0]),
                    writer > 0 ? String.format(Locale.ROOT, "   writer %6.1f µs/run", writer) : "");
        }
    }

    private static double[] round(int variant, int events, HttpClient http, ExecutorService senders) throws Exception {
        Path dir = Files.createTempDirectory("switchboard-inbox-bench");
        EngineOptions options = new EngineOptions("127.0.0.1", 0, dir, Duration.ofSeconds(10));
        List<Connector> connectors = new ArrayList<>(ConnectorCatalog.load().all());
        connectors.add(new Count());
        ConnectorCatalog catalog = new ConnectorCatalog(connectors);
        Store store = variant == 0 ? null : Store.openDefault(dir);
        Inbox inbox = variant == 0
                ? new ExecutorInbox(8)
                : new StoreInbox(store, 8, Duration.ofMillis(500), variant == 2 ? 1 : 1000);
        Engine engine = new Engine(
                options,
                catalog,
                SecretResolver.of(Map.of()),
                new Services(),
                inbox,
                store == null ? null : new DeadLetterStore(store));
        HistoryWriter history = store == null || variant == 3
                ? null
                : new HistoryWriter(
                        store, engine.secretMask(), HistoryOptions.defaults().withLevel(level(variant)));
        if (history != null) {
            engine.addRunListener(history);
        }
        engine.start();
        RuntimeMetrics metrics = variant == 4 ? RuntimeMetrics.bind(engine, store, Duration.ofSeconds(5)) : null;
        try {
            engine.deploy(new Flow(
                    FlowFormat.CURRENT,
                    "bench",
                    "bench",
                    null,
                    null,
                    List.of(
                            new Node("in", "webhook", null, ConfigValue.object("path", "/hooks/bench"), null),
                            new Node("count", "bench.inbox.count", null, ConfigValue.Fields.EMPTY, null)),
                    List.of(Wire.of("in", "count")),
                    null));
            URI uri = URI.create(engine.httpBaseUrl() + "/hooks/bench");
            COUNT.reset();
            AtomicInteger ok = new AtomicInteger();
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            long writerCpuStart = writerCpuNanos();
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                String body = "{\"n\":" + i + ",\"name\":\"customer " + i + "\",\"score\":" + (i % 100)
                        + (padding > 0 ? ",\"note\":\"" + "x".repeat(padding) + "\"" : "") + "}";
                sent.add(senders.submit(() -> {
                    HttpResponse<Void> response = http.send(
                            HttpRequest.newBuilder(uri)
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 202) {
                        ok.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : sent) {
                f.get();
            }
            long acceptedAt = System.nanoTime();
            while (COUNT.sum() < ok.get()) {
                Thread.sleep(1);
            }
            long completedAt = System.nanoTime();
            long writtenAt = 0;
            if (history != null && history.levelOf("bench").keepsRuns()) {
                if (!history.awaitWritten(Duration.ofSeconds(60))) {
                    throw new IllegalStateException("run history was not written within 60 s");
                }
                writtenAt = System.nanoTime();
            }
            long cpu = processCpuNanos() - cpuStart;
            long writerCpu = writerCpuNanos() - writerCpuStart;
            if (metrics != null && !metrics.scrapeText().contains("switchboard_node_events_in_total")) {
                throw new IllegalStateException("the metrics variant scraped no node counters");
            }
            if (ok.get() != events) {
                throw new IllegalStateException("only " + ok.get() + " of " + events + " accepted");
            }
            return new double[] {
                events / ((acceptedAt - start) / 1e9),
                events / ((completedAt - start) / 1e9),
                writtenAt == 0 ? 0 : events / ((writtenAt - start) / 1e9),
                cpu / 1e3 / events,
                history == null ? 0 : writerCpu / 1e3 / events
            };
        } finally {
            if (metrics != null) {
                metrics.close();
            }
            engine.close();
            if (history != null) {
                history.close();
            }
            if (store != null) {
                store.close();
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of the live history writer thread (each round has its own), 0 when there is none. */
    private static long writerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("switchboard-history-writer"))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getId())))
                .sum();
    }

    /** The run history level of a variant (those without history never ask). */
    private static HistoryLevel level(int variant) {
        return switch (variant) {
            case 5 -> HistoryLevel.ERRORS;
            case 6 -> HistoryLevel.SUMMARY;
            case 7 -> HistoryLevel.OFF;
            default -> HistoryLevel.FULL;
        };
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The in-memory baseline: same dispatcher threads as the durable inbox, nothing stored. */
    static final class ExecutorInbox implements Inbox {
        private final ThreadPoolExecutor dispatchers;
        private volatile ProducerTemplate producer;

        ExecutorInbox(int threads) {
            dispatchers = new ThreadPoolExecutor(
                    threads, threads, 0, TimeUnit.MILLISECONDS, new java.util.concurrent.ArrayBlockingQueue<>(100_000));
        }

        @Override
        public ProcessorDefinition<?> accept(ProcessorDefinition<?> at, String flowId, String nodeId) {
            String uri = "direct:bench.dispatch." + flowId + "." + nodeId;
            return at.process(exchange -> {
                Object event = exchange.getIn().getBody();
                dispatchers.execute(() -> producer.sendBody(uri, event));
            });
        }

        @Override
        public RouteDefinition dispatchFrom(RouteBuilder builder, String flowId, String nodeId) {
            return builder.from("direct:bench.dispatch." + flowId + "." + nodeId);
        }

        @Override
        public void start(CamelContext camel, RunTracker tracker) {
            producer = camel.createProducerTemplate();
        }

        @Override
        public void retryLater(dev.switchboard.runtime.engine.RetryRequest retry) {
            throw new UnsupportedOperationException("the benchmark's flow never fails");
        }

        @Override
        public void stop(Duration timeout) {
            dispatchers.shutdownNow();
        }
    }

    /** Counts events: the cheapest action, so the figures measure the inbox. */
    static final class Count implements Connector {
        @Override
        public ConnectorSpec spec() {
            return ConnectorSpec.builder("bench.inbox.count", ConnectorKind.ACTION)
                    .title("Count (benchmark)")
                    .noOutputs()
                    .build();
        }

        @Override
        public void compile(NodeContext node) {
            node.route().process(e -> COUNT.increment());
        }
    }
}
