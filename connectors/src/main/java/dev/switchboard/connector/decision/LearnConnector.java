package dev.switchboard.connector.decision;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.OnlineModelStore;
import dev.switchboard.connector.spi.OnlineModelStore.State;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.RetryHint;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Quote;
import dev.switchboard.connector.support.Template;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step {@code learn}: one step of stochastic gradient descent on an online logistic-regression
 * model from a labelled event, saved in the runtime's store before the event goes on (with what
 * was learned in its data). {@code score} reads the model as {@code online:NAME}.
 */
public final class LearnConnector implements Connector {
    static final double DEFAULT_RATE = 0.05;
    /** Concurrent learners each redo their step on the newer model; beyond this many the event is retried later. */
    private static final int MAX_ATTEMPTS = 50;

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("learn", ConnectorKind.STEP)
            .category("Logic")
            .title("Learn")
            .description("Updates an online model from a labelled event (logistic regression, one SGD step)")
            .icon("trending-up")
            .outputs(PortSpec.out())
            .properties(
                    PropertySpec.builder("model", PropertyType.STRING)
                            .title("Model")
                            .required()
                            .placeholder("fraud-online")
                            .description("The online model's name; score reads it as online:NAME")
                            .build(),
                    PropertySpec.builder("label", PropertyType.TEMPLATE)
                            .title("Label")
                            .required()
                            .placeholder("{{data.fraud}}")
                            .description("The true outcome: true/1 or the positive label, false/0 or the "
                                    + "negative label")
                            .build(),
                    features("What the model learns from: feature name → a number from the event"),
                    positiveLabel(),
                    PropertySpec.builder("negativeLabel", PropertyType.STRING)
                            .title("Negative label")
                            .defaultValue("false")
                            .description("A label text that means the negative outcome, besides false and 0")
                            .build(),
                    PropertySpec.builder("learningRate", PropertyType.NUMBER)
                            .title("Learning rate")
                            .defaultValue(ConfigValue.of(DEFAULT_RATE))
                            .description("How far one example moves the model, above 0 and at most 1")
                            .build(),
                    PropertySpec.builder("field", PropertyType.STRING)
                            .title("Result field")
                            .defaultValue(DataField.DEFAULT_LEARNED)
                            .description("Where in the event's data what was learned goes")
                            .build())
            .helpResource(LearnConnector.class, "learn.md")
            .build();

    static PropertySpec features(String description) {
        return PropertySpec.builder("features", PropertyType.KEY_VALUE)
                .title("Features")
                .required()
                .placeholder("amount = {{data.amount}}")
                .description(description)
                .build();
    }

    static PropertySpec positiveLabel() {
        return PropertySpec.builder("positiveLabel", PropertyType.STRING)
                .title("Positive label")
                .defaultValue("true")
                .description("The label the score is the probability of, e.g. fraud")
                .build();
    }

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
        OnlineModelStore store = node.service(OnlineModelStore.class);
        node.emit(
                node.route().process(exchange -> {
                    Event event = exchange.getIn().getBody(Event.class);
                    exchange.getIn().setBody(settings.learn(store, event));
                }),
                PortSpec.OUT);
    }

    /** A learn node's config, read once. */
    record Settings(
            String model,
            Template label,
            Features features,
            String positiveLabel,
            String negativeLabel,
            double rate,
            DataField field) {

        static Settings read(NodeConfig config, List<ConfigProblem> problems) {
            int before = problems.size();
            ModelName model = ModelName.readOnline(config.string("model", ""), problems);
            Template label = null;
            try {
                label = Template.parse(config.string("label", ""));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem("/label", e.getMessage()));
            }
            Features features = Features.read(config, problems);
            String positive = config.string("positiveLabel", "true");
            String negative = config.string("negativeLabel", "false");
            if (positive.equals(negative)) {
                problems.add(new ConfigProblem(
                        "/negativeLabel", "negativeLabel is '" + negative + "', the same as positiveLabel"));
            }
            double rate =
                    config.number("learningRate").map(BigDecimal::doubleValue).orElse(DEFAULT_RATE);
            if (!(rate > 0 && rate <= 1)) {
                problems.add(new ConfigProblem(
                        "/learningRate", "learningRate is " + rate + "; expected above 0 and at most 1, e.g. 0.05"));
            }
            DataField field = DataField.read(
                    config.string("field", DataField.DEFAULT_LEARNED), DataField.DEFAULT_LEARNED, problems);
            return problems.size() == before
                    ? new Settings(model.online(), label, features, positive, negative, rate, field)
                    : null;
        }

        Event learn(OnlineModelStore store, Event event) {
            boolean positive = label(event);
            Map<String, Double> values = features.values(event);
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                State before = store.load(model).orElse(State.EMPTY);
                State after = OnlineLogisticRegression.learn(before, values, positive, rate);
                if (store.save(model, after, before.version())) {
                    return field.write(
                            event,
                            DataField.learned(
                                    model,
                                    positive,
                                    after.version(),
                                    after.examples(),
                                    OnlineLogisticRegression.probability(before, values),
                                    OnlineLogisticRegression.probability(after, values)));
                }
            }
            throw new BusyModelException("Online model '" + model + "' changed under " + MAX_ATTEMPTS
                    + " attempts in a row to learn from event " + event.id() + "; trying again later");
        }

        private boolean label(Event event) {
            String text = label.render(event).trim();
            if (text.equals("true") || text.equals("1") || text.equals(positiveLabel)) {
                return true;
            }
            if (text.equals("false") || text.equals("0") || text.equals(negativeLabel)) {
                return false;
            }
            throw new UnscorableEventException("Cannot learn from event " + event.id() + ": its label (" + label
                    + ") is " + (text.isEmpty() ? "missing" : Quote.single(text)) + "; expected true, false, 1, 0, '"
                    + positiveLabel + "' or '" + negativeLabel + "'");
        }
    }

    /** Too many learners at once on one model: another try later can succeed. */
    static final class BusyModelException extends IllegalStateException implements RetryHint {
        BusyModelException(String message) {
            super(message);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }
}
