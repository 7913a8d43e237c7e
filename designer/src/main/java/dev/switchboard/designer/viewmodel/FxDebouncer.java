package dev.switchboard.designer.viewmodel;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** Debounces on the FX thread: only the last action within the delay runs. */
public final class FxDebouncer implements Debouncer {
    private final PauseTransition pause;
    private Runnable pending;

    public FxDebouncer(Duration delay) {
        this.pause = new PauseTransition(delay);
        pause.setOnFinished(e -> {
            Runnable r = pending;
            pending = null;
            if (r != null) {
                r.run();
            }
        });
    }

    @Override
    public void schedule(Runnable action) {
        pending = action;
        pause.playFromStart();
    }
}
