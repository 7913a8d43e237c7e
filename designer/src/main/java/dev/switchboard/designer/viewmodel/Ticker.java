package dev.switchboard.designer.viewmodel;

/**
 * Calls back at a fixed, UI-friendly rate while a flow runs: live state is pulled at this pace no
 * matter how many events flow, so the UI thread never drowns in updates.
 */
public interface Ticker {
    /** Never ticks (tests that step the clock themselves, or no UI at all). */
    Ticker MANUAL = new Ticker() {
        @Override
        public void start(Runnable tick) {}

        @Override
        public void stop() {}
    };

    void start(Runnable tick);

    void stop();
}
