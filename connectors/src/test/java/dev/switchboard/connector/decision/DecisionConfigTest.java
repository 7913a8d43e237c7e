package dev.switchboard.connector.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import org.junit.jupiter.api.Test;

class DecisionConfigTest {
    private static final ConfigValue FEATURES = ConfigValue.object("amount", "{{data.amount}}");

    @Test
    void aScoreConfigsMistakesAreEachNamedAtTheirPointer() {
        NodeConfig config = NodeConfig.of(
                "model", "/etc/models/fraud.tribuo",
                "features", ConfigValue.object("amount", "{{data.amount | nosuch}}", "fixed", "42"),
                "threshold", 1.5,
                "positiveLabel", "fraud",
                "negativeLabel", "fraud",
                "topFeatures", 99,
                "field", "decision");

        assertThat(new ScoreConnector().validate(config))
                .extracting(ConfigProblem::pointer)
                .containsExactly(
                        "/model",
                        "/features/amount",
                        "/features/fixed",
                        "/threshold",
                        "/negativeLabel",
                        "/topFeatures",
                        "/field");
        assertThat(new ScoreConnector().validate(config).get(0).message())
                .isEqualTo("'/etc/models/fraud.tribuo' is neither online:NAME nor a model file's path relative to the "
                        + "data folder, e.g. models/fraud.tribuo");
        assertThat(new ScoreConnector().validate(config).get(2).message())
                .startsWith("Feature 'fixed' is the constant '42'");
    }

    @Test
    void anOnlineModelNeedsAPlainName() {
        assertThat(new ScoreConnector().validate(NodeConfig.of("model", "online:", "features", FEATURES)))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/model");
        assertThat(new LearnConnector()
                        .validate(NodeConfig.of(
                                "model", "fraud online!", "label", "{{data.fraud}}", "features", FEATURES)))
                .extracting(ConfigProblem::message)
                .containsExactly("'fraud online!' is not an online model's name: up to 100 letters, digits, '.', '_' "
                        + "or '-', starting with a letter or digit, e.g. fraud-online");
    }

    @Test
    void aLearnConfigsRateMustBeAStepSize() {
        assertThat(new LearnConnector()
                        .validate(NodeConfig.of(
                                "model",
                                "online:fraud",
                                "label",
                                "{{data.fraud}}",
                                "features",
                                FEATURES,
                                "learningRate",
                                0)))
                .extracting(ConfigProblem::pointer, ConfigProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "/learningRate", "learningRate is 0.0; expected above 0 and at most 1, e.g. 0.05"));
    }
}
