package dev.switchboard.runtime.bench;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import dev.switchboard.runtime.validate.FlowValidator;
import dev.switchboard.runtime.validate.Problem;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long a very large flow takes to come up: a chain of {@link ChainFlow} nodes (10,000 by
 * default), each phase timed over several rounds in one JVM. Not a test: run it with
 * {@code scripts/bench-large-flow [nodes] [rounds] [phases]} and compare figures on one machine.
 *
 * <p>Phases: {@code parse} (text → tree → model), {@code validate} (what {@code switchboard
 * validate} and {@code run} do with the file's text), {@code validate-model} (what the designer's
 * problems panel does with the in-memory flow), {@code deploy} (start the flow in a durable
 * runtime that runs nothing else), {@code replace} (hot-replace it with itself: stop the running
 * version, start the new one) and {@code stop} (the runtime's graceful stop with the flow running).
 * A phase that needs something running sets it up in {@link Phase#beforeRound} and tears it down
 * in {@link Phase#afterRound}, outside the timing; add it to {@link #PHASES}.
 */
public final class LargeFlowBenchmark {

    /** The flow under test, as text and as the model, made once. */
    public record Input(String json, Flow flow) {}

    /** One measured step. {@link #run} is timed; the hooks around it are not. */
    public interface Phase extends AutoCloseable {
        String name();

        default void beforeRound(Input input) throws Exception {}

        /** Does the work once; returns something derived from the result, so it cannot be optimised away. */
        Object run(Input input) throws Exception;

        default void afterRound(Input input) throws Exception {}

        @Override
        default void close() throws Exception {}
    }

    private static final Map<String, java.util.function.Supplier<Phase>> PHASES = new LinkedHashMap<>();

    static {
        FlowValidator validator = new FlowValidator(ConnectorCatalog.load());
        register("parse", input -> FlowCodec.read(input.json()).nodes().size());
        register("validate", input -> checked(validator.validate(input.json()).problems()));
        register("validate-model", input -> checked(validator.validate(input.flow())));
        PHASES.put("deploy", () -> new EnginePhase("deploy", false) {
            @Override
            public Object run(Input input) throws Exception {
                runtime.engine().deploy(input.flow());
                return runtime.engine().camel().getRoutes().size();
            }
        });
        PHASES.put("replace", () -> new EnginePhase("replace", true) {
            @Override
            public Object run(Input input) throws Exception {
                runtime.engine().deploy(input.flow());
                return runtime.engine().camel().getRoutes().size();
            }
        });
        PHASES.put("stop", () -> new EnginePhase("stop", true) {
            @Override
            public Object run(Input input) {
                runtime.close();
                return runtime.engine().isClosing();
            }
        });
    }

    /** A phase on a durable runtime of its own, started (and, with {@code deployed}, running the flow) before each round. */
    private abstract static class EnginePhase implements Phase {
        private final String name;
        private final boolean deployed;
        DurableRuntime runtime;

        EnginePhase(String name, boolean deployed) {
            this.name = name;
            this.deployed = deployed;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void beforeRound(Input input) throws Exception {
            runtime = DurableRuntime.start(
                    new EngineOptions(
                            "127.0.0.1",
                            0,
                            Files.createTempDirectory("switchboard-large-flow"),
                            Duration.ofSeconds(10)),
                    ConnectorCatalog.load(),
                    SecretResolver.of(Map.of()),
                    null,
                    HistoryOptions.defaults());
            if (deployed) {
                runtime.engine().deploy(input.flow());
            }
        }

        @Override
        public void afterRound(Input input) {
            runtime.close();
        }
    }

    private LargeFlowBenchmark() {}

    private interface Work {
        Object run(Input input) throws Exception;
    }

    private static void register(String name, Work work) {
        PHASES.put(name, () -> new Phase() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Object run(Input input) throws Exception {
                return work.run(input);
            }
        });
    }

    /** The chain is valid by construction: a problem means the benchmark measures the wrong thing. */
    private static int checked(List<Problem> problems) {
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new IllegalStateException("The benchmark flow does not validate: " + problems.get(0));
        }
        return problems.size();
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> names = args.length > 2 ? Arrays.asList(args[2].split(",")) : List.copyOf(PHASES.keySet());
        for (String name : names) {
            if (!PHASES.containsKey(name)) {
                throw new IllegalArgumentException(
                        "Unknown phase '" + name + "'; known: " + String.join(", ", PHASES.keySet()));
            }
        }
        Flow flow = ChainFlow.flow("bench-chain", nodes);
        Input input = new Input(FlowCodec.write(flow), flow);
        System.out.printf(
                Locale.ROOT,
                "flow: chain of %,d nodes, %,d wires, %,d characters; %d rounds per phase%n",
                nodes,
                flow.wires().size(),
                input.json().length(),
                rounds);
        System.out.printf(
                Locale.ROOT, "%-16s %10s %10s %10s %10s%n", "phase", "first ms", "median ms", "min ms", "max ms");
        for (String name : names) {
            try (Phase phase = PHASES.get(name).get()) {
                double[] millis = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    phase.beforeRound(input);
                    long start = System.nanoTime();
                    Object result = phase.run(input);
                    millis[r] = (System.nanoTime() - start) / 1e6;
                    phase.afterRound(input);
                    if (result == null) {
                        throw new IllegalStateException("Phase " + name + " produced nothing");
                    }
                }
                double[] warm = rounds > 1 ? Arrays.copyOfRange(millis, 1, rounds) : millis;
                System.out.printf(
                        Locale.ROOT,
                        "%-16s %10.1f %10.1f %10.1f %10.1f%n",
                        name,
                        millis[0],
                        median(warm),
                        Arrays.stream(warm).min().orElse(0),
                        Arrays.stream(warm).max().orElse(0));
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
