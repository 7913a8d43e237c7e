package dev.switchboard.runtime.bench;

import dev.switchboard.connector.decision.FraudModelTraining;
import dev.switchboard.connector.decision.SyntheticOrders;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.OnlineModelStore;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.testkit.InjectConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.engine.MemoryInbox;
import dev.switchboard.runtime.engine.compile.Services;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.Store;
import dev.switchboard.runtime.store.StoreOnlineModels;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.ProducerTemplate;

/**
 * What a {@code score} step costs per event: the same flow (inject → [step] → count) without a
 * step, with {@code score} on the trained Tribuo model, with {@code score} on an online model (one
 * H2 read per event), and with {@code learn} (an H2 read and a committed write per event), in one
 * JVM, in alternating rounds, by the sending thread's CPU time and by wall clock. Not a test: run
 * it with {@code scripts/bench-score}.
 */
public final class ScoreStepBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ConfigValue FEATURES = ConfigValue.object(
            "amount", "{{data.amount}}",
            "country_risk", "{{data.countryRisk}}",
            "account_age_days", "{{data.accountAgeDays}}",
            "items", "{{data.items}}",
            "night", "{{data.night}}");

    private record Timing(double wallMicros, double cpuMicros) {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        // learn commits a transaction per event: fewer of them keep a round short
        int learnEvents = Math.max(1, events / 10);
        Path data = Files.createTempDirectory("switchboard-bench-score");
        FraudModelTraining.writeModel(data.resolve("models/fraud.tribuo"));
        List<String> payloads = new ArrayList<>();
        for (SyntheticOrders.Order order : SyntheticOrders.generate(1, 1_000)) {
            payloads.add(order.json());
        }
        List<Connector> connectors = new ArrayList<>(ConnectorCatalog.load().all());
        connectors.add(new FlowThroughputBenchmark.CountingAction());
        try (Store store = Store.openDefault(data)) {
            Services services = new Services().register(OnlineModelStore.class, new StoreOnlineModels(store));
            EngineOptions options = EngineOptions.defaults().withHttpPort(0).withDataDir(data);
            try (Engine engine = new Engine(
                                    options,
                                    new ConnectorCatalog(connectors),
                                    SecretResolver.of(Map.of()),
                                    services,
                                    new MemoryInbox(10_000, 4))
                            .start();
                    ProducerTemplate producer = engine.camel().createProducerTemplate()) {
                engine.deploy(flow("plain", null));
                engine.deploy(flow(
                        "tribuo",
                        step(
                                "score",
                                "model",
                                "models/fraud.tribuo",
                                "positiveLabel",
                                "fraud",
                                "negativeLabel",
                                "ok")));
                engine.deploy(flow("online", step("score", "model", "online:bench")));
                engine.deploy(flow("learn", step("learn", "model", "bench", "label", "{{data.fraud}}")));
                // the online model learns the orders once, so it scores with real weights
                run(producer, "learn", payloads, payloads.size());
                for (int w = 0; w < 3; w++) {
                    for (String flow : List.of("plain", "tribuo", "online")) {
                        run(producer, flow, payloads, events / 2);
                    }
                    run(producer, "learn", payloads, learnEvents / 2);
                }
                Map<String, List<Timing>> timings = new LinkedHashMap<>();
                List<String> order = new ArrayList<>(List.of("plain", "tribuo", "online", "learn"));
                for (int r = 0; r < rounds; r++) {
                    for (String flow : order) {
                        timings.computeIfAbsent(flow, k -> new ArrayList<>())
                                .add(run(producer, flow, payloads, flow.equals("learn") ? learnEvents : events));
                    }
                    java.util.Collections.rotate(order, 1); // a different flow goes first each round
                }
                report(events, learnEvents, rounds, timings);
            }
        }
    }

    private static void report(int events, int learnEvents, int rounds, Map<String, List<Timing>> timings) {
        double plainWall = median(timings.get("plain"), Timing::wallMicros);
        double plainCpu = median(timings.get("plain"), Timing::cpuMicros);
        System.out.printf(
                Locale.ROOT,
                "events per round: %d (learn %d), rounds: %d, medians in µs per event%n",
                events,
                learnEvents,
                rounds);
        System.out.printf(Locale.ROOT, "%-34s %10s %10s %12s %12s%n", "flow", "wall", "cpu", "+wall", "+cpu");
        Map<String, String> names = Map.of(
                "plain", "inject → count",
                "tribuo", "inject → score (Tribuo) → count",
                "online", "inject → score (online) → count",
                "learn", "inject → learn → count");
        for (Map.Entry<String, List<Timing>> flow : timings.entrySet()) {
            double wall = median(flow.getValue(), Timing::wallMicros);
            double cpu = median(flow.getValue(), Timing::cpuMicros);
            System.out.printf(
                    Locale.ROOT,
                    "%-34s %10.2f %10.2f %12.2f %12.2f%n",
                    names.get(flow.getKey()),
                    wall,
                    cpu,
                    wall - plainWall,
                    cpu - plainCpu);
        }
    }

    private static Timing run(ProducerTemplate producer, String flow, List<String> payloads, int events) {
        String uri = InjectConnector.endpoint(flow);
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < events; i++) {
            producer.sendBody(uri, payloads.get(i % payloads.size()));
        }
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e3 / events;
        return new Timing((System.nanoTime() - start) / 1e3 / events, cpu);
    }

    private static double median(List<Timing> timings, java.util.function.ToDoubleFunction<Timing> value) {
        double[] sorted = timings.stream().mapToDouble(value).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static Node step(String type, Object... config) {
        Object[] all = Arrays.copyOf(config, config.length + 2);
        all[config.length] = "features";
        all[config.length + 1] = FEATURES;
        return new Node("step", type, null, ConfigValue.object(all), null);
    }

    private static Flow flow(String id, Node step) {
        Node in = new Node("in", "test.inject", null, ConfigValue.object("channel", id), null);
        Node count = new Node("count", "bench.count", null, ConfigValue.Fields.EMPTY, null);
        return step == null
                ? new Flow(
                        FlowFormat.CURRENT,
                        id,
                        id,
                        null,
                        null,
                        List.of(in, count),
                        List.of(Wire.of("in", "count")),
                        null)
                : new Flow(
                        FlowFormat.CURRENT,
                        id,
                        id,
                        null,
                        null,
                        List.of(in, step, count),
                        List.of(Wire.of("in", "step"), Wire.of("step", "count")),
                        null);
    }
}
