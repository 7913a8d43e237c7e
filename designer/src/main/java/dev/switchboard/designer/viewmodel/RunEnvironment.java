package dev.switchboard.designer.viewmodel;

import dev.switchboard.designer.run.RunSettings;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Where running flows from the designer does its work: slow calls (starting the engine, deploys,
 * store queries) on {@code background}, their results back on {@code ui}, live state pulled by
 * {@code ticker}.
 */
public record RunEnvironment(Executor background, Executor ui, Ticker ticker, Supplier<RunSettings> settings) {

    /** The application's: one background thread (calls stay in order), the FX thread, ten ticks a second. */
    public static RunEnvironment fx(Supplier<RunSettings> settings) {
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "designer-run");
            t.setDaemon(true);
            return t;
        });
        return new RunEnvironment(background, Platform::runLater, new FxTicker(FxTicker.DEFAULT_PERIOD), settings);
    }

    /** Everything on the caller's thread and no ticking: for view-model tests without a window. */
    public static RunEnvironment direct(Supplier<RunSettings> settings) {
        return new RunEnvironment(Runnable::run, Runnable::run, Ticker.MANUAL, settings);
    }
}
