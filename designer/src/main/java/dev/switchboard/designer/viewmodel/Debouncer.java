package dev.switchboard.designer.viewmodel;

/** Runs an action once things have calmed down; tests use {@link #IMMEDIATE}. */
@FunctionalInterface
public interface Debouncer {
    Debouncer IMMEDIATE = Runnable::run;

    void schedule(Runnable action);
}
