package dev.switchboard.connector.decision;

import dev.switchboard.connector.spi.OnlineModelStore;
import dev.switchboard.connector.spi.OnlineModelStore.State;
import java.util.Map;

/**
 * An online model, read from the store for every event so a score always uses what the {@code
 * learn} steps saved last (one primary-key read). A model nothing was learned into yet scores 0.5,
 * version 0.
 */
record OnlineDecisionModel(String name, OnlineModelStore store) implements DecisionModel {
    static final String PREFIX = "online:";

    @Override
    public Scored score(Map<String, Double> features) {
        State state = store.load(name).orElse(State.EMPTY);
        return new Scored(
                OnlineLogisticRegression.probability(state, features),
                PREFIX + name,
                Long.toString(state.version()),
                OnlineLogisticRegression.contributions(state, features));
    }
}
