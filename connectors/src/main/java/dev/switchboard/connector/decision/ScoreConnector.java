package dev.switchboard.connector.decision;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.FileSandbox;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.OnlineModelStore;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step {@code score}: asks a model about the event's features and hands the event on with the
 * decision — label, score, model and version, the features that weighed most — in its data. The
 * model is a Tribuo classifier file in the data folder, loaded once when the flow compiles, or an
 * online model the {@code learn} step keeps in the runtime's store.
 */
public final class ScoreConnector implements Connector {
    static final double DEFAULT_THRESHOLD = 0.5;
    static final int DEFAULT_TOP = 3;
    private static final int MAX_TOP = 50;

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("score", ConnectorKind.STEP)
            .category("Logic")
            .title("Score")
            .description("Scores the event with a model and adds the decision to its data")
            .icon("activity")
            .outputs(PortSpec.out())
            .properties(
                    PropertySpec.builder("model", PropertyType.STRING)
                            .title("Model")
                            .required()
                            .placeholder("models/fraud.tribuo")
                            .description("A Tribuo model file in the data folder, or online:NAME for a model "
                                    + "learn steps keep in the store")
                            .build(),
                    LearnConnector.features("What the model reads: feature name → a number from the event"),
                    PropertySpec.builder("threshold", PropertyType.NUMBER)
                            .title("Threshold")
                            .defaultValue(ConfigValue.of(DEFAULT_THRESHOLD))
                            .description("A score at or above it gets the positive label")
                            .build(),
                    LearnConnector.positiveLabel(),
                    PropertySpec.builder("negativeLabel", PropertyType.STRING)
                            .title("Negative label")
                            .defaultValue("false")
                            .description("The label of a score below the threshold")
                            .build(),
                    PropertySpec.builder("topFeatures", PropertyType.INTEGER)
                            .title("Top features")
                            .defaultValue(DEFAULT_TOP)
                            .description("How many of the features that weighed most (|weight × value|) the "
                                    + "decision lists")
                            .build(),
                    PropertySpec.builder("field", PropertyType.STRING)
                            .title("Decision field")
                            .defaultValue("data.decision")
                            .description("Where in the event's data the decision goes")
                            .build())
            .helpResource(ScoreConnector.class, "score.md")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        Settings.read(config, problems);
        return problems;
    }

    @Override
    public void compile(NodeContext node) {
        Settings settings = Settings.read(node.config(), new ArrayList<>()); // the compiler checked the config
        DecisionModel model = settings.model().online() != null
                ? new OnlineDecisionModel(settings.model().online(), node.service(OnlineModelStore.class))
                : TribuoDecisionModel.load(
                        modelFile(
                                node.service(FileSandbox.class),
                                settings.model().file()),
                        settings.model().file(),
                        settings.positiveLabel(),
                        settings.features().names());
        node.emit(
                node.route().process(exchange -> {
                    Event event = exchange.getIn().getBody(Event.class);
                    exchange.getIn().setBody(settings.decide(model, event));
                }),
                PortSpec.OUT);
    }

    private static Path modelFile(FileSandbox sandbox, String relative) {
        try {
            return sandbox.resolve(relative);
        } catch (FileSandbox.SandboxViolationException e) {
            throw new IllegalArgumentException("model: " + e.getMessage(), e);
        }
    }

    /** A score node's config, read once. */
    record Settings(
            ModelName model,
            Features features,
            double threshold,
            String positiveLabel,
            String negativeLabel,
            int top,
            DataField field) {

        static Settings read(NodeConfig config, List<ConfigProblem> problems) {
            int before = problems.size();
            ModelName model = ModelName.read(config.string("model", ""), problems);
            Features features = Features.read(config, problems);
            double threshold =
                    config.number("threshold").map(BigDecimal::doubleValue).orElse(DEFAULT_THRESHOLD);
            if (!(threshold >= 0 && threshold <= 1)) {
                problems.add(new ConfigProblem(
                        "/threshold", "threshold is " + threshold + "; expected a score between 0 and 1"));
            }
            String positive = config.string("positiveLabel", "true");
            String negative = config.string("negativeLabel", "false");
            if (positive.equals(negative)) {
                problems.add(new ConfigProblem(
                        "/negativeLabel", "negativeLabel is '" + negative + "', the same as positiveLabel"));
            }
            long top = config.integer("topFeatures", DEFAULT_TOP);
            if (top < 0 || top > MAX_TOP) {
                problems.add(new ConfigProblem("/topFeatures", "topFeatures is " + top + "; expected 0 to " + MAX_TOP));
            }
            DataField field = DataField.read(
                    config.string("field", DataField.DEFAULT_DECISION), DataField.DEFAULT_DECISION, problems);
            return problems.size() == before
                    ? new Settings(model, features, threshold, positive, negative, (int) top, field)
                    : null;
        }

        Event decide(DecisionModel model, Event event) {
            Map<String, Double> values = features.values(event);
            Scored scored = model.score(values);
            String label = scored.score() >= threshold ? positiveLabel : negativeLabel;
            return field.write(
                    event, DataField.decision(label, threshold, scored, Contribution.top(scored.contributions(), top)));
        }
    }
}
