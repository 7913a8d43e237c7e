package dev.switchboard.designer.viewmodel;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/** Ticks on the FX thread (a {@link Timeline}), by default ten times a second. */
public final class FxTicker implements Ticker {
    public static final Duration DEFAULT_PERIOD = Duration.millis(100);
    private final Duration period;
    private Timeline timeline;

    public FxTicker(Duration period) {
        this.period = period;
    }

    @Override
    public void start(Runnable tick) {
        stop();
        timeline = new Timeline(new KeyFrame(period, e -> tick.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
    }

    @Override
    public void stop() {
        if (timeline != null) {
            timeline.stop();
            timeline = null;
        }
    }
}
