package dev.switchboard.connector.decision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the fraud model the decision tests score with: Tribuo logistic regression (log loss,
 * AdaGrad) on {@link SyntheticOrders}, labels {@code fraud} and {@code ok}, saved in Tribuo's
 * protobuf format. The same seed gives the same weights (the file differs only in its provenance:
 * when and where it was trained), so nothing trained is committed: tests train it into their data
 * folder.
 */
public final class FraudModelTraining {
    public static final long SEED = 20261130L;
    public static final int ORDERS = 4_000;
    public static final String FRAUD = "fraud";
    public static final String OK = "ok";
    /** The features are in their raw units (euros, days): AdaGrad needs many passes to settle on them. */
    private static final int EPOCHS = 200;

    private FraudModelTraining() {}

    /** The model trained on {@code orders}. */
    public static LinearSGDModel train(List<SyntheticOrders.Order> orders) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(
                        "synthetic orders, seed " + SEED,
                        OffsetDateTime.of(2026, 11, 30, 0, 0, 0, 0, ZoneOffset.UTC),
                        labels),
                labels);
        String[] names = SyntheticOrders.FEATURES.toArray(String[]::new);
        for (SyntheticOrders.Order order : orders) {
            double[] values = order.features().values().stream()
                    .mapToDouble(Double::doubleValue)
                    .toArray();
            dataset.add(new ArrayExample<>(new Label(order.fraud() ? FRAUD : OK), names, values));
        }
        LinearSGDTrainer trainer =
                new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), EPOCHS, ORDERS * EPOCHS, 1, SEED);
        return (LinearSGDModel) trainer.train(dataset);
    }

    /** Trains on the standard orders and writes the model to {@code file} (folders made as needed). */
    public static Path writeModel(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            train(SyntheticOrders.generate(SEED, ORDERS)).serializeToFile(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the model to the path given, e.g. into a runtime's data folder for the fraud-scoring sample. */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: FraudModelTraining <model file, e.g. data/models/fraud.tribuo>");
        }
        System.out.println("wrote " + writeModel(Path.of(args[0])).toAbsolutePath());
    }
}
