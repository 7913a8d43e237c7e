package dev.switchboard.connector.decision;

import java.util.Comparator;
import java.util.List;

/**
 * One feature's part in a linear model's score for one event.
 *
 * @param value the event's value of the feature
 * @param weight the model's weight for it (for the positive label)
 * @param effect what it added to the score's log-odds: weight × value (scaled as the model scales it)
 */
record Contribution(String feature, double value, double weight, double effect) {

    /** The {@code n} that weighed most, by |effect|, largest first. */
    static List<Contribution> top(List<Contribution> all, int n) {
        return all.stream()
                .sorted(Comparator.comparingDouble((Contribution c) -> Math.abs(c.effect()))
                        .reversed()
                        .thenComparing(Contribution::feature))
                .limit(n)
                .toList();
    }
}
