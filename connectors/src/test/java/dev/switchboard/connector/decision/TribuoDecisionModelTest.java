package dev.switchboard.connector.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TribuoDecisionModelTest {
    @TempDir
    static Path dir;

    static Path modelFile;

    @BeforeAll
    static void train() {
        modelFile = FraudModelTraining.writeModel(dir.resolve("models/fraud.tribuo"));
    }

    static TribuoDecisionModel load() {
        return TribuoDecisionModel.load(
                modelFile, "models/fraud.tribuo", FraudModelTraining.FRAUD, SyntheticOrders.FEATURES);
    }

    @Test
    void theTrainedModelFindsTheRuleInOrdersItHasNotSeen() {
        TribuoDecisionModel model = load();
        List<SyntheticOrders.Order> unseen = SyntheticOrders.generate(FraudModelTraining.SEED + 1, 2_000);

        long right = unseen.stream()
                .filter(o -> (model.score(o.features()).score() >= 0.5) == o.fraud())
                .count();

        // 3% of the labels are noise: a model that learned the rule gets most of the rest
        assertThat(right / 2_000.0).isGreaterThan(0.9);
    }

    @Test
    void contributionsAreTheFeaturesPartsOfTheLogOdds() {
        TribuoDecisionModel model = load();
        Map<String, Double> risky = new SyntheticOrders.Order(1_800, 0.95, 3, 8, true, true).features();
        Map<String, Double> safe = new SyntheticOrders.Order(20, 0.05, 900, 1, false, false).features();

        Scored a = model.score(risky);
        Scored b = model.score(safe);

        assertThat(a.score()).isGreaterThan(0.9);
        assertThat(b.score()).isLessThan(0.1);
        // log-odds = bias + Σ contributions, with one bias for every event
        assertThat(logOdds(a.score()) - sum(a.contributions()))
                .isCloseTo(logOdds(b.score()) - sum(b.contributions()), within(1e-6));
        assertThat(a.contributions()).extracting(Contribution::feature).containsExactlyElementsOf(risky.keySet());
        assertThat(a.contributions())
                .allSatisfy(c -> assertThat(c.effect()).isCloseTo(c.weight() * c.value(), within(1e-12)));
        assertThat(a.model()).isEqualTo("models/fraud.tribuo");
        assertThat(a.version()).matches("sha256:[0-9a-f]{12}");
    }

    @Test
    void aPositiveLabelTheModelDoesNotPredictIsRefusedNamingTheLabelsItDoes() {
        assertThatThrownBy(() ->
                        TribuoDecisionModel.load(modelFile, "models/fraud.tribuo", "true", SyntheticOrders.FEATURES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'models/fraud.tribuo' predicts the labels [fraud, ok]; the positive label 'true' must be "
                        + "one of them, beside at least one other");
    }

    @Test
    void aFeatureTheModelWasNotTrainedOnIsRefusedNamingTheOnesItKnows() {
        assertThatThrownBy(() -> TribuoDecisionModel.load(
                        modelFile, "models/fraud.tribuo", "fraud", List.of("amount", "coupon", "basket")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'models/fraud.tribuo' was not trained on the feature(s) [basket, coupon]; it knows "
                        + "[account_age_days, amount, country_risk, items, night]");
    }

    @Test
    void aFileThatIsNotAModelOrIsNotThereIsRefusedClearly() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.tribuo"), "not a model");

        assertThatThrownBy(() -> TribuoDecisionModel.load(text, "notes.tribuo", "fraud", List.of("amount")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "'notes.tribuo' is not a Tribuo model file (written by Model.serializeToFile): ");
        assertThatThrownBy(() -> TribuoDecisionModel.load(
                        dir.resolve("missing.tribuo"), "missing.tribuo", "fraud", List.of("amount")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read the model file 'missing.tribuo' in the data folder: ");
    }

    private static double logOdds(double p) {
        return Math.log(p / (1 - p));
    }

    private static double sum(List<Contribution> parts) {
        return parts.stream().mapToDouble(Contribution::effect).sum();
    }
}
