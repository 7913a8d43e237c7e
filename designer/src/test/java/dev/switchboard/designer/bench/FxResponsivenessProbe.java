package dev.switchboard.designer.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Measures how long the JavaFX thread keeps others waiting: every few milliseconds a background
 * thread posts a task with {@code Platform.runLater} (one at a time) and records how late it ran,
 * and an animation timer records the gap between two pulses (frames). Samples go to the current
 * {@link Samples}; {@link #phase()} starts a new one.
 */
final class FxResponsivenessProbe implements AutoCloseable {
    private static final long PERIOD_MICROS = 5_000;
    /** A task waiting longer than this gets the FX thread's stack sampled. */
    private static final long STALL_NANOS = 50_000_000;

    private final ScheduledExecutorService poster = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-probe");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean outstanding = new AtomicBoolean();
    private volatile long postedAt;
    private final Thread fxThread = running("JavaFX Application Thread");
    /** Renders the scene graph for the FX thread (prism); the FX thread waits for it once per pulse. */
    private final Thread renderer = running("QuantumRenderer");

    private volatile Samples current = new Samples();
    private final AnimationTimer pulses = new AnimationTimer() {
        private long last;

        @Override
        public void handle(long now) {
            long at = System.nanoTime();
            if (last != 0) {
                current.pulseGaps.add(at - last);
            }
            last = at;
        }
    };

    FxResponsivenessProbe() {
        current.begin(fxThread, renderer);
        Platform.runLater(pulses::start);
        poster.scheduleAtFixedRate(this::post, PERIOD_MICROS, PERIOD_MICROS, TimeUnit.MICROSECONDS);
    }

    private static Thread running(String namePrefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(namePrefix))
                .findFirst()
                .orElse(null);
    }

    private void post() {
        if (!outstanding.compareAndSet(false, true)) {
            // the previous one is still waiting, and its delay covers this moment; if it waits long, see why
            if (System.nanoTime() - postedAt > STALL_NANOS && fxThread != null) {
                current.stalls.add(fxThread.getState(), fxThread.getStackTrace());
                if (renderer != null) {
                    current.renderStalls.add(renderer.getState(), renderer.getStackTrace());
                }
            }
            return;
        }
        long posted = System.nanoTime();
        postedAt = posted;
        Samples into = current;
        Platform.runLater(() -> {
            into.runLaterDelays.add(System.nanoTime() - posted);
            outstanding.set(false);
        });
    }

    /** Ends the current phase and returns its samples; what follows goes to a fresh one. */
    Samples phase() {
        Samples done = current;
        current = new Samples();
        done.end(fxThread, renderer);
        current.begin(fxThread, renderer);
        return done;
    }

    @Override
    public void close() {
        poster.shutdownNow();
        Platform.runLater(pulses::stop);
    }

    /** The samples of one phase, in nanoseconds, and how much CPU the process and the UI threads used in it. */
    static final class Samples {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private static final OperatingSystemMXBean OS =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        final LongSamples runLaterDelays = new LongSamples();
        final LongSamples pulseGaps = new LongSamples();
        final StallSamples stalls = new StallSamples();
        final StallSamples renderStalls = new StallSamples();
        private final long[] start = new long[4];
        private final long[] used = new long[4];

        void begin(Thread fx, Thread renderer) {
            long[] now = cpu(fx, renderer);
            System.arraycopy(now, 0, start, 0, now.length);
        }

        void end(Thread fx, Thread renderer) {
            long[] now = cpu(fx, renderer);
            for (int i = 0; i < now.length; i++) {
                used[i] = now[i] - start[i];
            }
        }

        private static long[] cpu(Thread fx, Thread renderer) {
            return new long[] {
                System.nanoTime(),
                OS.getProcessCpuTime(),
                fx == null ? 0 : THREADS.getThreadCpuTime(fx.getId()),
                renderer == null ? 0 : THREADS.getThreadCpuTime(renderer.getId())
            };
        }

        /** Cores the whole process kept busy, the FX thread's and the renderer's share of one core. */
        String cpuSummary() {
            double wall = used[0];
            return wall <= 0
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            "process %.2f cores busy, FX thread %.0f%%, renderer %.0f%% of a core",
                            used[1] / wall,
                            100 * used[2] / wall,
                            100 * used[3] / wall);
        }
    }

    /** What the FX thread was doing while a task waited long: its state and the top of its stack, counted. */
    static final class StallSamples {
        private static final int FRAMES = Integer.getInteger("bench.frames", 8);
        private final Map<String, Integer> counts = new HashMap<>();

        synchronized void add(Thread.State state, StackTraceElement[] stack) {
            StringBuilder key = new StringBuilder(state.name());
            for (int i = 0; i < Math.min(FRAMES, stack.length); i++) {
                key.append("\n      at ").append(stack[i]);
            }
            counts.merge(key.toString(), 1, Integer::sum);
        }

        /** The {@code n} most frequent stacks, most frequent first. */
        synchronized String top(int n) {
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder out = new StringBuilder();
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(n)
                    .forEach(e -> out.append(
                            String.format(Locale.ROOT, "    %d of %d samples: %s%n", e.getValue(), total, e.getKey())));
            return out.toString();
        }
    }

    /** A growing list of longs with percentiles, safe to add to from several threads. */
    static final class LongSamples {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        synchronized int size() {
            return size;
        }

        /** The value at quantile {@code q} (0..1) in milliseconds; 0 without samples. */
        synchronized double millis(double q) {
            if (size == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int at = (int) Math.min(size - 1, Math.ceil(q * size) - 1);
            return sorted[Math.max(0, at)] / 1e6;
        }

        String summary() {
            return String.format(
                    Locale.ROOT,
                    "p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d samples)",
                    millis(0.5),
                    millis(0.99),
                    millis(1.0),
                    size());
        }
    }
}
