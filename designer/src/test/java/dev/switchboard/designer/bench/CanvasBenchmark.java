package dev.switchboard.designer.bench;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.designer.model.RecentFiles;
import dev.switchboard.designer.model.TemplateLibrary;
import dev.switchboard.designer.run.RunSettings;
import dev.switchboard.designer.view.CanvasView;
import dev.switchboard.designer.view.FxDialogService;
import dev.switchboard.designer.view.MainWindow;
import dev.switchboard.designer.viewmodel.DesignerViewModel;
import dev.switchboard.designer.viewmodel.FxDebouncer;
import dev.switchboard.designer.viewmodel.RunEnvironment;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * How the designer copes with a big flow (not a test: figures to compare before and after a
 * change). {@code open}: a generated flow of N nodes is opened in a 1366×800 window and timed until
 * its cards are on screen (and the longest the UI thread kept frames waiting meanwhile);
 * {@code drag}: one card is dragged across the canvas at 100 % zoom, frame gaps measured;
 * {@code fit}: zoom to fit. {@code launch}: an empty designer started the way {@code DesignerApp}
 * does, timed from JVM start to its first frame, with the CPU time spent. Run through
 * {@code scripts/bench-designer-canvas}.
 */
public final class CanvasBenchmark {
    private static final int DRAG_STEPS = 120;

    private CanvasBenchmark() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "open";
        if (mode.equals("launch")) {
            launch();
            return;
        }
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path dir = Files.createTempDirectory("switchboard-canvas-bench");
        Path flow = dev.switchboard.designer.testkit.BigFlow.write(dir.resolve("big.flow.json"), nodes);
        startFx();
        Stage stage = fx(Stage::new);
        MainWindow window = fx(() -> designer(stage, dir));
        CanvasView canvas = window.canvas();
        try (FxResponsivenessProbe probe = new FxResponsivenessProbe()) {
            nextFrame();
            probe.phase();
            long t0 = System.nanoTime();
            Platform.runLater(() -> window.openOnStart(flow));
            await(() -> fx(() -> stage.getScene().lookup("#node-n" + (nodes - 1)) != null
                    && ((Label) stage.getScene().lookup("#status")).getText().startsWith("Opened")));
            long built = System.nanoTime();
            nextFrame();
            long framed = System.nanoTime();
            FxResponsivenessProbe.Samples open = probe.phase();
            print(
                    "open %d nodes: cards built %.0f ms, first frame after %.0f ms; longest frame gap %.0f ms; %s",
                    nodes, ms(t0, built), ms(t0, framed), open.pulseGaps.millis(1), open.cpuSummary());
            if (Boolean.getBoolean("bench.stalls")) {
                System.out.println(open.stalls.top(6));
            }

            fx(() -> {
                canvas.resetZoom();
                return null;
            });
            nextFrame();
            nextFrame();
            probe.phase();
            long d0 = System.nanoTime();
            drag(stage, "n21");
            long d1 = System.nanoTime();
            FxResponsivenessProbe.Samples drag = probe.phase();
            print(
                    "drag one card %d steps at 100%%: %.0f ms; frame gap p50 %.1f p95 %.1f max %.1f ms (%d frames); %s",
                    DRAG_STEPS,
                    ms(d0, d1),
                    drag.pulseGaps.millis(0.5),
                    drag.pulseGaps.millis(0.95),
                    drag.pulseGaps.millis(1),
                    drag.pulseGaps.size(),
                    drag.cpuSummary());

            long f0 = System.nanoTime();
            double scale = fx(() -> {
                canvas.fitToView();
                return canvas.viewportProperty().get().scale();
            });
            nextFrame();
            long f1 = System.nanoTime();
            FxResponsivenessProbe.Samples fit = probe.phase();
            print(
                    "zoom to fit: %.0f ms to the next frame, scale %.0f %%, longest frame gap %.0f ms",
                    ms(f0, f1), scale * 100, fit.pulseGaps.millis(1));

            probe.phase();
            long p0 = System.nanoTime();
            drag(stage, "n21");
            long p1 = System.nanoTime();
            FxResponsivenessProbe.Samples dragFit = probe.phase();
            print(
                    "drag one card zoomed to fit: %.0f ms; frame gap p95 %.1f max %.1f ms",
                    ms(p0, p1), dragFit.pulseGaps.millis(0.95), dragFit.pulseGaps.millis(1));
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    /** An empty designer as {@code DesignerApp.start} makes it, timed from JVM start to its first frame. */
    private static void launch() throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long main = System.currentTimeMillis();
        long[] cpu = new long[7];
        cpu[0] = os.getProcessCpuTime();
        startFx();
        cpu[1] = os.getProcessCpuTime();
        long fxUp = System.currentTimeMillis();
        long[] at = new long[4];
        fx(() -> {
            Stage stage = new Stage();
            ConnectorCatalog catalog = ConnectorCatalog.load();
            at[0] = System.currentTimeMillis();
            cpu[2] = os.getProcessCpuTime();
            DesignerViewModel vm = new DesignerViewModel(
                    catalog, new FxDebouncer(Duration.millis(250)), RunEnvironment.fx(RunSettings::forUser));
            vm.files().useRecentFiles(RecentFiles.forUser());
            at[1] = System.currentTimeMillis();
            cpu[3] = os.getProcessCpuTime();
            MainWindow window = new MainWindow(vm, new FxDialogService(), TemplateLibrary.fromSystemProperty());
            at[2] = System.currentTimeMillis();
            cpu[4] = os.getProcessCpuTime();
            window.install(stage);
            stage.show();
            at[3] = System.currentTimeMillis();
            cpu[5] = os.getProcessCpuTime();
            return null;
        });
        nextFrame();
        long shown = System.currentTimeMillis();
        print(
                "  JVM start → main %d ms, JavaFX start %d, catalog %d, view model %d, window %d, css+show %d,"
                        + " first frame %d",
                main - jvmStart, fxUp - main, at[0] - fxUp, at[1] - at[0], at[2] - at[1], at[3] - at[2], shown - at[3]);
        cpu[6] = os.getProcessCpuTime();
        print(
                "  CPU ms: before main %d, JavaFX start %d, catalog %d, view model %d, window %d, css+show %d,"
                        + " first frame %d",
                cpu[0] / 1_000_000,
                (cpu[1] - cpu[0]) / 1_000_000,
                (cpu[2] - cpu[1]) / 1_000_000,
                (cpu[3] - cpu[2]) / 1_000_000,
                (cpu[4] - cpu[3]) / 1_000_000,
                (cpu[5] - cpu[4]) / 1_000_000,
                (cpu[6] - cpu[5]) / 1_000_000);
        print(
                "empty launch: first frame %d ms after JVM start; process CPU %.2f s",
                shown - jvmStart, os.getProcessCpuTime() / 1e9);
        Platform.exit();
        System.exit(0);
    }

    private static MainWindow designer(Stage stage, Path dir) {
        RunSettings settings = new RunSettings(dir.resolve("data"), 0, 500);
        DesignerViewModel vm = new DesignerViewModel(
                ConnectorCatalog.load(), new FxDebouncer(Duration.millis(250)), RunEnvironment.fx(() -> settings));
        MainWindow window = new MainWindow(vm, new FxDialogService(), new TemplateLibrary(dir.resolve("samples")));
        window.install(stage);
        stage.setWidth(1366);
        stage.setHeight(800);
        stage.show();
        return window;
    }

    /** Presses a card, moves it right and down one pulse at a time, releases it. */
    private static void drag(Stage stage, String nodeId) throws Exception {
        Node card = fx(() -> stage.getScene().lookup("#node-" + nodeId));
        Bounds b = fx(() -> card.localToScene(card.getBoundsInLocal()));
        double x = b.getMinX() + 30;
        double y = b.getMinY() + 12;
        fire(card, MouseEvent.MOUSE_PRESSED, x, y);
        for (int i = 1; i <= DRAG_STEPS; i++) {
            fire(card, MouseEvent.MOUSE_DRAGGED, x + i * 4, y + i * 2);
            nextFrame();
        }
        fire(card, MouseEvent.MOUSE_RELEASED, x + DRAG_STEPS * 4, y + DRAG_STEPS * 2);
        nextFrame();
    }

    private static void fire(Node target, javafx.event.EventType<MouseEvent> type, double x, double y)
            throws Exception {
        fx(() -> {
            Event.fireEvent(
                    target,
                    new MouseEvent(
                            type,
                            x,
                            y,
                            x,
                            y,
                            MouseButton.PRIMARY,
                            1,
                            false,
                            false,
                            false,
                            false,
                            true,
                            false,
                            false,
                            true,
                            false,
                            false,
                            null));
            return null;
        });
    }

    /** Waits until the FX thread has rendered one more frame. */
    private static void nextFrame() throws InterruptedException {
        CountDownLatch framed = new CountDownLatch(2);
        Platform.runLater(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                framed.countDown();
                if (framed.getCount() == 0) {
                    stop();
                }
            }
        }.start());
        if (!framed.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no frame within 120 s");
        }
    }

    /** Runs on the FX thread and waits for it: up to two minutes, as a loaded machine builds a window slowly. */
    private static <T> T fx(java.util.concurrent.Callable<T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }

    private static void startFx() {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.join();
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Check condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after 300 s");
            }
            Thread.sleep(5);
        }
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
