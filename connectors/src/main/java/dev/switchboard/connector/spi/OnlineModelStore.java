package dev.switchboard.connector.spi;

import java.util.Map;
import java.util.Optional;

/**
 * Keeps online models (the weights a {@code learn} step updates and a {@code score} step reads) by
 * name; the runtime provides it through {@link NodeContext#service(Class)}, backed by its store so
 * a model survives a restart and is shared by every flow of the runtime.
 */
public interface OnlineModelStore {

    /** The model saved under {@code name}, if any. */
    Optional<State> load(String name);

    /**
     * Saves {@code state} under {@code name} if the stored version is still {@code
     * expectedVersion} (0: no model saved yet), durably before returning. False when another writer
     * saved first: load again and redo the update.
     */
    boolean save(String name, State state, long expectedVersion);

    /**
     * A logistic-regression model's parameters.
     *
     * @param weights one per feature name
     * @param examples how many labelled examples it has learned from
     * @param version increases by one with every save
     */
    record State(Map<String, Weight> weights, double bias, long examples, long version) {
        public static final State EMPTY = new State(Map.of(), 0, 0, 0);

        public State {
            weights = Map.copyOf(weights);
        }
    }

    /**
     * A feature's weight, applied to its value divided by {@code scale} (the largest magnitude the
     * model has seen of it), so features of any size learn at the same pace.
     */
    record Weight(double value, double scale) {}
}
