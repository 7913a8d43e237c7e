package dev.switchboard.designer.bench;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.designer.model.TemplateLibrary;
import dev.switchboard.designer.run.RunSettings;
import dev.switchboard.designer.testkit.Fx;
import dev.switchboard.designer.testkit.WebhookBurst;
import dev.switchboard.designer.view.FxDialogService;
import dev.switchboard.designer.view.MainWindow;
import dev.switchboard.designer.viewmodel.DesignerViewModel;
import dev.switchboard.designer.viewmodel.FxDebouncer;
import dev.switchboard.designer.viewmodel.RunEnvironment;
import dev.switchboard.designer.viewmodel.RunViewModel;
import dev.switchboard.designer.viewmodel.Ticker;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * How the designer's UI thread fares while a flow it runs takes a burst of real webhook events:
 * the delay of {@code Platform.runLater} tasks and the gaps between frames, idle (flow running, no
 * events) against the burst, plus throughput and the heap after GC before and after each burst.
 * Run with {@code scripts/bench-designer [events] [concurrency] [shown|paused|hidden|runs|frozen]}:
 * the message list on screen, paused, or behind the Problems tab; the Runs tab on screen; or
 * {@code frozen}, the control, where the canvas and the panels are never updated while the flow runs.
 */
public final class DesignerBurstBenchmark {
    private static final Path SAMPLE = Path.of("samples", "hello-webhook.flow.json");
    private static final int WARM_UP = 1_000;
    private static final int ROUNDS = 2;
    private static final long IDLE_MILLIS = 5_000;

    private DesignerBurstBenchmark() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        String inspector = args.length > 2 ? args[2] : "shown";
        if (!List.of("shown", "paused", "hidden", "runs", "frozen").contains(inspector)) {
            throw new IllegalArgumentException("The mode is shown, paused, hidden, runs or frozen, not " + inspector);
        }
        Path data = Files.createTempDirectory("switchboard-designer-bench");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.join();
        Stage stage = Fx.call(Stage::new);
        DesignerViewModel vm = Fx.call(() -> openDesigner(stage, data, inspector.equals("frozen")));
        Path written = data.resolve("out/hello.jsonl");
        RunViewModel run = vm.run();
        try {
            Platform.runLater(run::run);
            await(() -> Fx.call(() -> run.stateProperty().get() == RunViewModel.State.RUNNING
                    && !run.live().get("hook").urls().isEmpty()));
            URI hook = URI.create(Fx.call(() -> run.live().get("hook").urls().get(0)));
            Fx.call(() -> applyInspectorMode(vm, stage, inspector));
            long sent = post(hook, WARM_UP, concurrency, 0);
            awaitWritten(written, sent);

            try (FxResponsivenessProbe probe = new FxResponsivenessProbe()) {
                double heapBefore = heapAfterGcMb();
                probe.phase();
                Thread.sleep(IDLE_MILLIS);
                FxResponsivenessProbe.Samples idle = probe.phase();
                List<FxResponsivenessProbe.Samples> bursts = new ArrayList<>();
                List<Double> throughput = new ArrayList<>();
                List<Double> heapAfter = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    long start = System.nanoTime();
                    sent += post(hook, events, concurrency, sent);
                    awaitWritten(written, sent);
                    throughput.add(events / ((System.nanoTime() - start) / 1e9));
                    bursts.add(probe.phase());
                    heapAfter.add(heapAfterGcMb());
                }
                report(
                        events,
                        concurrency,
                        inspector,
                        idle,
                        bursts,
                        throughput,
                        heapBefore,
                        heapAfter,
                        Fx.call(() -> run.messages().all().size()),
                        run.heldMessages());
            }
        } finally {
            Fx.call(() -> {
                run.shutdown();
                return null;
            });
            Platform.exit();
        }
    }

    private static DesignerViewModel openDesigner(Stage stage, Path data, boolean frozen) throws Exception {
        RunSettings settings = new RunSettings(data, 0, 500);
        RunEnvironment env = RunEnvironment.fx(() -> settings);
        if (frozen) {
            env = new RunEnvironment(env.background(), env.ui(), Ticker.MANUAL, env.settings());
        }
        DesignerViewModel vm =
                new DesignerViewModel(ConnectorCatalog.load(), new FxDebouncer(Duration.millis(250)), env);
        MainWindow window = new MainWindow(vm, new FxDialogService(), new TemplateLibrary(data.resolve("samples")));
        window.install(stage);
        stage.setWidth(1500);
        stage.setHeight(950);
        stage.show();
        vm.files().open(SAMPLE);
        return vm;
    }

    private static Void applyInspectorMode(DesignerViewModel vm, Stage stage, String mode) {
        switch (mode) {
            case "paused" -> vm.run().messages().pausedProperty().set(true);
            // the bottom panel's first tab is Problems: the message list goes off screen
            case "hidden" ->
                ((TabPane) stage.getScene().lookup("#bottom-panel"))
                        .getSelectionModel()
                        .select(0);
            case "runs" ->
                ((TabPane) stage.getScene().lookup("#bottom-panel"))
                        .getSelectionModel()
                        .select(3);
            default -> {}
        }
        return null;
    }

    /** Posts {@code count} events, {@code concurrency} at a time; fails unless every one was accepted. */
    private static long post(URI hook, int count, int concurrency, long firstNumber) throws InterruptedException {
        Map<Integer, Long> codes = WebhookBurst.post(hook, count, concurrency, firstNumber, i -> {});
        if (codes.getOrDefault(202, 0L) != count) {
            throw new IllegalStateException("Not every event was accepted; answers by status: " + codes);
        }
        return count;
    }

    /** Waits until the flow's last node wrote {@code total} lines (the sample appends one per event). */
    private static void awaitWritten(Path file, long total) throws InterruptedException {
        await(() -> {
            try (Stream<String> lines = Files.lines(file)) {
                return lines.count() >= total;
            } catch (IOException notYet) {
                return false; // created with the first event
            }
        });
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up waiting after 10 minutes");
            }
            Thread.sleep(100);
        }
    }

    /** Heap in use right after a full collection (System.gc() may be skipped while native code holds a GC lock: retried). */
    private static double heapAfterGcMb() throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            long before = fullCollections();
            System.gc();
            if (fullCollections() > before) {
                return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("System.gc() did not run a full collection");
    }

    private static long fullCollections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> !gc.getName().contains("Young"))
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    private static void report(
            int events,
            int concurrency,
            String inspector,
            FxResponsivenessProbe.Samples idle,
            List<FxResponsivenessProbe.Samples> bursts,
            List<Double> throughput,
            double heapBefore,
            List<Double> heapAfter,
            int shown,
            int held) {
        System.out.printf(
                Locale.ROOT,
                "designer burst: %d events x %d rounds, %d concurrent, inspector %s, glass %s%n",
                events,
                bursts.size(),
                concurrency,
                inspector,
                System.getProperty("glass.platform", "default"));
        System.out.println("idle (running, no events)");
        System.out.println("  runLater delay " + idle.runLaterDelays.summary());
        System.out.println("  pulse gap      " + idle.pulseGaps.summary());
        System.out.println("  " + idle.cpuSummary());
        for (int i = 0; i < bursts.size(); i++) {
            FxResponsivenessProbe.Samples burst = bursts.get(i);
            System.out.printf(Locale.ROOT, "burst %d: %,.0f events/s end to end%n", i + 1, throughput.get(i));
            System.out.println("  runLater delay " + burst.runLaterDelays.summary());
            System.out.println("  pulse gap      " + burst.pulseGaps.summary());
            System.out.println("  " + burst.cpuSummary());
            System.out.printf(
                    Locale.ROOT,
                    "  vs idle: runLater max x%.1f, p99 x%.1f; pulse gap max x%.1f%n",
                    ratio(burst.runLaterDelays.millis(1), idle.runLaterDelays.millis(1)),
                    ratio(burst.runLaterDelays.millis(0.99), idle.runLaterDelays.millis(0.99)),
                    ratio(burst.pulseGaps.millis(1), idle.pulseGaps.millis(1)));
            if (Boolean.getBoolean("bench.stalls")) {
                System.out.print("  the FX thread while a task waited over 50 ms:\n" + burst.stalls.top(5));
                System.out.print("  the renderer meanwhile:\n" + burst.renderStalls.top(8));
            }
        }
        StringBuilder heap = new StringBuilder(String.format(Locale.ROOT, "heap after GC: %.1f MB before", heapBefore));
        heapAfter.forEach(mb -> heap.append(String.format(Locale.ROOT, " -> %.1f MB", mb)));
        System.out.println(heap);
        System.out.printf("inspector shows %d messages; the runtime holds %d (capacity 500)%n", shown, held);
    }

    private static double ratio(double value, double base) {
        return base == 0 ? Double.NaN : value / base;
    }
}
