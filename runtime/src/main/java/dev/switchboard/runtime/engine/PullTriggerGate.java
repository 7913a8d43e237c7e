package dev.switchboard.runtime.engine;

/**
 * Decides where a pull trigger (schedule, sql.poll, mail, file.watch) runs when several runtimes
 * share the work: a runtime with a gate starts such a trigger's route only while the gate says it
 * is this runtime's turn (in cluster mode: while it holds the trigger's lease), so the trigger
 * fires once per cluster rather than once per process. Without a gate every pull trigger runs.
 */
public interface PullTriggerGate {

    /**
     * From now on calls {@code start} whenever this runtime becomes the one that runs the trigger
     * named {@code name}, and {@code stop} whenever it stops being that one. Closing the returned
     * handle ends that (without calling {@code stop}: the route is being removed) and gives the
     * trigger up for another runtime.
     */
    AutoCloseable hold(String name, Runnable start, Runnable stop);
}
