package dev.switchboard.connector.decision;

import dev.switchboard.connector.spi.OnlineModelStore.State;
import dev.switchboard.connector.spi.OnlineModelStore.Weight;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Logistic regression learned one example at a time by stochastic gradient descent on the log
 * loss: {@code p = σ(bias + Σ wᵢ·xᵢ/sᵢ)}, then {@code wᵢ += rate·(y − p)·xᵢ/sᵢ} and {@code bias +=
 * rate·(y − p)}. Each feature is divided by {@code sᵢ}, the largest magnitude seen of it so far, so
 * an amount in thousands and a 0/1 flag learn at the same pace without the flow scaling them; when
 * a larger value arrives the weight is rescaled with it so earlier learning keeps its meaning.
 * Tribuo trains in batches only, hence this small class; its states are immutable.
 */
final class OnlineLogisticRegression {
    private OnlineLogisticRegression() {}

    /** The probability of the positive label. A model that learned nothing says 0.5. */
    static double probability(State model, Map<String, Double> features) {
        double z = model.bias();
        for (Map.Entry<String, Double> feature : features.entrySet()) {
            Weight w = model.weights().get(feature.getKey());
            if (w != null) {
                z += w.value() * feature.getValue() / w.scale();
            }
        }
        return sigmoid(z);
    }

    /** Each feature's part in the score: its weight times its scaled value (log-odds). */
    static List<Contribution> contributions(State model, Map<String, Double> features) {
        List<Contribution> parts = new ArrayList<>(features.size());
        for (Map.Entry<String, Double> feature : features.entrySet()) {
            Weight w = model.weights().get(feature.getKey());
            double value = feature.getValue();
            parts.add(
                    w == null
                            ? new Contribution(feature.getKey(), value, 0, 0)
                            : new Contribution(feature.getKey(), value, w.value(), w.value() * value / w.scale()));
        }
        return parts;
    }

    /** The model after one step towards {@code positive} for these features; one more example, next version. */
    static State learn(State model, Map<String, Double> features, boolean positive, double rate) {
        Map<String, Weight> weights = new HashMap<>(model.weights());
        for (Map.Entry<String, Double> feature : features.entrySet()) {
            double magnitude = Math.abs(feature.getValue());
            Weight w = weights.get(feature.getKey());
            if (w == null) {
                weights.put(feature.getKey(), new Weight(0, magnitude > 0 ? magnitude : 1));
            } else if (magnitude > w.scale()) {
                // w·x/s stays the same for every x when w grows with s
                weights.put(feature.getKey(), new Weight(w.value() * magnitude / w.scale(), magnitude));
            }
        }
        State scaled = new State(weights, model.bias(), model.examples(), model.version());
        double error = (positive ? 1 : 0) - probability(scaled, features);
        for (Map.Entry<String, Double> feature : features.entrySet()) {
            Weight w = weights.get(feature.getKey());
            double step = rate * error * feature.getValue() / w.scale();
            weights.put(feature.getKey(), new Weight(w.value() + step, w.scale()));
        }
        return new State(weights, model.bias() + rate * error, model.examples() + 1, model.version() + 1);
    }

    static double sigmoid(double z) {
        // the two forms keep exp from overflowing for large |z|
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
