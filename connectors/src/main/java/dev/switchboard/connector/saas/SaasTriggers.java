package dev.switchboard.connector.saas;

import dev.switchboard.connector.ingress.HookSpec;
import dev.switchboard.connector.ingress.IngressComponent;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.EventRejectedException;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.Durations;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.webhook.WebhookConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.TryDefinition;

/**
 * What every SaaS webhook trigger shares: its properties (path, signing secret, redelivery window),
 * their checks, and the route — the engine's webhook server (ingress) with the vendor's
 * {@link SignatureScheme} as its header check, then the vendor's {@link DeliveryReader}, the
 * {@link Redeliveries} check, and the inbox.
 */
public final class SaasTriggers {
    public static final String CATEGORY = "SaaS";
    public static final String DEFAULT_REDELIVERY_WINDOW = "72h";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private SaasTriggers() {}

    public static PropertySpec path(String placeholder) {
        return PropertySpec.builder("path", PropertyType.STRING)
                .title("Path")
                .required()
                .placeholder(placeholder)
                .description("Where the engine listens for the vendor's POSTs (letters, digits and . _ ~ - /)")
                .build();
    }

    public static PropertySpec secret(String title, String placeholder, String description) {
        return PropertySpec.builder("secret", PropertyType.SECRET)
                .title(title)
                .required()
                .placeholder(placeholder)
                .description(description)
                .build();
    }

    public static PropertySpec redeliveryWindow() {
        return PropertySpec.builder("redeliveryWindow", PropertyType.DURATION)
                .title("Redelivery window")
                .defaultValue(DEFAULT_REDELIVERY_WINDOW)
                .description("How long a delivery id is remembered: a redelivery within it is answered 200"
                        + " and does not run again")
                .build();
    }

    /** The checks every SaaS trigger makes: a servable path, a window of at least a second. */
    public static List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        WebhookConnector.pathProblem(config.string("path", ""))
                .ifPresent(m -> problems.add(new ConfigProblem("/path", m)));
        atLeastASecond(config, "redeliveryWindow", DEFAULT_REDELIVERY_WINDOW).ifPresent(problems::add);
        return problems;
    }

    public static java.util.Optional<ConfigProblem> atLeastASecond(NodeConfig config, String name, String fallback) {
        String text = config.string(name, fallback);
        if (Durations.isValid(text) && Durations.parse(text).toSeconds() < 1) {
            return java.util.Optional.of(new ConfigProblem("/" + name, "Must be at least a second, e.g. 30s or 5m"));
        }
        return java.util.Optional.empty();
    }

    /** A list of non-empty strings (e.g. event types); a problem per item that is not. */
    public static List<String> strings(NodeConfig config, String name, List<ConfigProblem> problems) {
        List<String> values = new ArrayList<>();
        List<ConfigValue> items = config.list(name);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof ConfigValue.Text text && !text.value().isBlank()) {
                values.add(text.value().trim());
            } else if (problems != null) {
                problems.add(new ConfigProblem("/" + name + "/" + i, "Each item must be a non-empty text"));
            }
        }
        return values;
    }

    public static List<String> httpPaths(NodeConfig config) {
        String path = config.string("path", "");
        return path.isBlank() ? List.of() : List.of(path);
    }

    /** Mounts the hook and builds the trigger's route; the body limit is the vendor's largest payload. */
    public static void compile(NodeContext node, SignatureScheme scheme, DeliveryReader reader, long maxBodyBytes) {
        NodeConfig config = node.config();
        String path = config.requireString("path");
        Duration window = config.duration("redeliveryWindow", Durations.parse(DEFAULT_REDELIVERY_WINDOW));
        SaasExchanges exchanges =
                new SaasExchanges(scheme, reader, Redeliveries.of(node, window), node.eventSource(), path);
        HookSpec hook = new HookSpec(path, "POST", maxBodyBytes, exchanges::checkHeaders);

        RouteDefinition route = node.from(IngressComponent.endpoint(node.camel(), hook));
        TryDefinition attempt = route.doTry();
        attempt.process(exchanges::receive);
        node.accept(attempt);
        attempt.process(exchanges::accepted);
        attempt.doCatch(EventRejectedException.class).process(exchanges::rejected);
        attempt.doCatch(Exception.class).process(exchanges::failed).end();
    }
}
