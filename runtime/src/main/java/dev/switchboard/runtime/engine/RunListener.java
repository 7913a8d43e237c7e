package dev.switchboard.runtime.engine;

/** Told about every event a flow finished; called on the flow's thread, so keep it quick. */
@FunctionalInterface
public interface RunListener {
    void onRunFinished(RunRecord run);
}
