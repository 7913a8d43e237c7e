package dev.switchboard.connector.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.connector.spi.OnlineModelStore.State;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnlineLogisticRegressionTest {

    @Test
    void aModelThatLearnedNothingSaysOneHalf() {
        assertThat(OnlineLogisticRegression.probability(State.EMPTY, Map.of("amount", 1200.0)))
                .isEqualTo(0.5);
    }

    @Test
    void eachStepMovesTheScoreOfItsExampleTowardItsLabel() {
        Map<String, Double> order = Map.of("amount", 900.0, "night", 1.0);
        State model = State.EMPTY;
        double before = OnlineLogisticRegression.probability(model, order);
        for (int i = 0; i < 5; i++) {
            model = OnlineLogisticRegression.learn(model, order, true, 0.1);
            double after = OnlineLogisticRegression.probability(model, order);
            assertThat(after).isGreaterThan(before);
            before = after;
        }
        State unlearning = OnlineLogisticRegression.learn(model, order, false, 0.1);

        assertThat(OnlineLogisticRegression.probability(unlearning, order)).isLessThan(before);
        assertThat(unlearning.examples()).isEqualTo(6);
        assertThat(unlearning.version()).isEqualTo(6);
    }

    @Test
    void learningOrdersOneByOneFindsTheRuleInOrdersItHasNotSeen() {
        State model = State.EMPTY;
        for (SyntheticOrders.Order order : SyntheticOrders.generate(FraudModelTraining.SEED, 4_000)) {
            model = OnlineLogisticRegression.learn(model, order.features(), order.fraud(), 0.05);
        }
        List<SyntheticOrders.Order> unseen = SyntheticOrders.generate(FraudModelTraining.SEED + 1, 2_000);
        State learned = model;

        long right = unseen.stream()
                .filter(o -> (OnlineLogisticRegression.probability(learned, o.features()) >= 0.5) == o.fraud())
                .count();

        assertThat(right / 2_000.0).isGreaterThan(0.85);
    }

    @Test
    void aLargerValueRescalesTheWeightSoEarlierLearningKeepsItsMeaning() {
        State model = OnlineLogisticRegression.learn(State.EMPTY, Map.of("amount", 100.0), true, 0.5);
        double at50 = OnlineLogisticRegression.probability(model, Map.of("amount", 50.0));
        double scaleBefore = model.weights().get("amount").scale();

        // a step with error zero changes nothing but the scale
        State rescaled = OnlineLogisticRegression.learn(model, Map.of("amount", 400.0), true, 0.0);

        assertThat(scaleBefore).isEqualTo(100.0);
        assertThat(rescaled.weights().get("amount").scale()).isEqualTo(400.0);
        assertThat(OnlineLogisticRegression.probability(rescaled, Map.of("amount", 50.0)))
                .isCloseTo(at50, within(1e-12));
    }

    @Test
    void contributionsAddUpToTheLogOddsLessTheBias() {
        State model = State.EMPTY;
        for (SyntheticOrders.Order order : SyntheticOrders.generate(7, 500)) {
            model = OnlineLogisticRegression.learn(model, order.features(), order.fraud(), 0.05);
        }
        Map<String, Double> order = new SyntheticOrders.Order(700, 0.8, 10, 3, true, true).features();

        double p = OnlineLogisticRegression.probability(model, order);
        double sum = OnlineLogisticRegression.contributions(model, order).stream()
                .mapToDouble(Contribution::effect)
                .sum();

        assertThat(Math.log(p / (1 - p))).isCloseTo(model.bias() + sum, within(1e-9));
    }

    @Test
    void theSigmoidStaysFiniteFarOut() {
        assertThat(OnlineLogisticRegression.sigmoid(-1_000)).isEqualTo(0.0);
        assertThat(OnlineLogisticRegression.sigmoid(1_000)).isEqualTo(1.0);
        assertThat(OnlineLogisticRegression.sigmoid(0)).isEqualTo(0.5);
    }
}
