package dev.switchboard.connector.decision;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;

/**
 * A Tribuo classification model, loaded once from its protobuf file ({@code Model.serializeToFile});
 * Tribuo models are immutable and predict from many threads at once. For a linear model (Tribuo's
 * {@code LinearSGDModel}: logistic regression and the other SGD-trained linear classifiers) each
 * feature's weight for the positive label is kept to explain a score.
 */
final class TribuoDecisionModel implements DecisionModel {
    private final Model<Label> model;
    private final String name;
    private final String version;
    private final String positive;
    /** Per feature: its weight for the positive label less its mean weight for the others; empty when not linear. */
    private final Map<String, Double> weights;

    private TribuoDecisionModel(
            Model<Label> model, String name, String version, String positive, Map<String, Double> weights) {
        this.model = model;
        this.name = name;
        this.version = version;
        this.positive = positive;
        this.weights = weights;
    }

    /**
     * Reads the model at {@code file} and checks that it classifies into {@code positive} among other
     * labels and knows every one of {@code features}.
     *
     * @throws IllegalArgumentException saying what is wrong with the file, naming it as {@code name}
     */
    static TribuoDecisionModel load(Path file, String name, String positive, Collection<String> features) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read the model file '" + name + "' in the data folder: " + e.getMessage(), e);
        }
        Model<?> loaded;
        try {
            loaded = Model.deserializeFromStream(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "'" + name + "' is not a Tribuo model file (written by Model.serializeToFile): " + e.getMessage(),
                    e);
        }
        if (!loaded.validate(Label.class)) {
            throw new IllegalArgumentException("'" + name + "' is a Tribuo model, but not a classifier: it predicts "
                    + loaded.getOutputIDInfo().getDomain().getClass().getSimpleName());
        }
        @SuppressWarnings("unchecked")
        Model<Label> classifier = (Model<Label>) loaded;
        ImmutableOutputInfo<Label> labels = classifier.getOutputIDInfo();
        int positiveId = labels.getID(new Label(positive));
        if (positiveId < 0 || labels.size() < 2) {
            throw new IllegalArgumentException("'" + name + "' predicts the labels " + labelNames(labels)
                    + "; the positive label '" + positive + "' must be one of them, beside at least one other");
        }
        ImmutableFeatureMap known = classifier.getFeatureIDMap();
        List<String> unknown =
                features.stream().filter(f -> known.getID(f) < 0).sorted().toList();
        if (!unknown.isEmpty()) {
            TreeSet<String> knownNames = new TreeSet<>();
            known.forEach(info -> knownNames.add(info.getName()));
            throw new IllegalArgumentException(
                    "'" + name + "' was not trained on the feature(s) " + unknown + "; it knows " + knownNames);
        }
        return new TribuoDecisionModel(
                classifier,
                name,
                "sha256:" + sha256(bytes).substring(0, 12),
                positive,
                weights(classifier, positiveId, features));
    }

    @Override
    public Scored score(Map<String, Double> features) {
        String[] names = new String[features.size()];
        double[] values = new double[features.size()];
        int i = 0;
        for (Map.Entry<String, Double> feature : features.entrySet()) {
            names[i] = feature.getKey();
            values[i++] = feature.getValue();
        }
        Prediction<Label> prediction = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, values));
        Label score = prediction.getOutputScores().get(positive);
        List<Contribution> parts = new ArrayList<>(weights.isEmpty() ? 0 : features.size());
        if (!weights.isEmpty()) {
            for (Map.Entry<String, Double> feature : features.entrySet()) {
                double weight = weights.get(feature.getKey());
                parts.add(new Contribution(feature.getKey(), feature.getValue(), weight, weight * feature.getValue()));
            }
        }
        return new Scored(score == null ? 0 : score.getScore(), name, version, parts);
    }

    /**
     * A linear model's weight of each feature for the positive label, less the mean of its weights
     * for the other labels: with two labels exactly what the feature adds to the positive label's
     * log-odds per unit.
     */
    private static Map<String, Double> weights(Model<Label> model, int positiveId, Collection<String> features) {
        if (!(model instanceof AbstractLinearSGDModel<Label> linear)) {
            return Map.of();
        }
        DenseMatrix matrix = linear.getWeightsCopy(); // one row per label, one column per feature (then the bias)
        int rows = matrix.getDimension1Size();
        Map<String, Double> weights = new HashMap<>();
        for (String feature : features) {
            int column = model.getFeatureIDMap().getID(feature);
            double others = 0;
            for (int row = 0; row < rows; row++) {
                others += row == positiveId ? 0 : matrix.get(row, column);
            }
            weights.put(feature, matrix.get(positiveId, column) - others / (rows - 1));
        }
        return Map.copyOf(weights);
    }

    private static List<String> labelNames(ImmutableOutputInfo<Label> labels) {
        List<String> names = new ArrayList<>();
        labels.getDomain().forEach(l -> names.add(l.getLabel()));
        return names.stream().sorted().toList();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
