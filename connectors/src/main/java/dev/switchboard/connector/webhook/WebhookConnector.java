package dev.switchboard.connector.webhook;

import dev.switchboard.connector.ingress.HookSpec;
import dev.switchboard.connector.ingress.IngressComponent;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.EventRejectedException;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.ByteSizes;
import dev.switchboard.connector.spi.config.Durations;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Quote;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.TryDefinition;

/**
 * {@code webhook}: receives HTTP calls on the engine's webhook server (the ingress). The checks
 * that need only headers (bearer, basic, the signature's form, the body's declared size) run before
 * the body is read; the rest on the raw body before anything is parsed. An accepted event goes to
 * the inbox and the caller gets 202 with the event id once it is committed.
 */
public final class WebhookConnector implements Connector {
    public static final String ID = "webhook";
    public static final String DEFAULT_EVENT_TYPE = "dev.switchboard.webhook.received";
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~\\-/]*");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~\\-]+");
    public static final String DEFAULT_MAX_BODY_SIZE = "10MB";
    /** A body is held in memory while it is checked, parsed and stored: beyond this, use files or a broker. */
    public static final long LARGEST_MAX_BODY_BYTES = 50L * 1024 * 1024;

    private static final long SMALLEST_MAX_BODY_BYTES = 1024;

    private static final ConnectorSpec SPEC = ConnectorSpec.builder(ID, ConnectorKind.TRIGGER)
            .title("Webhook")
            .description(
                    "Starts the flow when an HTTP request arrives, with optional bearer, basic or HMAC authentication")
            .icon("zap")
            .outputs(PortSpec.out())
            .properties(
                    PropertySpec.builder("path", PropertyType.STRING)
                            .title("Path")
                            .required()
                            .placeholder("/hooks/leads")
                            .description("Where the engine listens, e.g. /hooks/leads (letters, digits and . _ ~ - /)")
                            .build(),
                    PropertySpec.builder("method", PropertyType.ENUM)
                            .title("Method")
                            .options("POST", "PUT")
                            .defaultValue("POST")
                            .description("Other methods are answered with 405")
                            .build(),
                    PropertySpec.builder("auth", PropertyType.ENUM)
                            .title("Authentication")
                            .options(WebhookAuth.NONE, WebhookAuth.BEARER, WebhookAuth.BASIC, WebhookAuth.HMAC_SHA256)
                            .defaultValue(WebhookAuth.NONE)
                            .description("How callers prove who they are; failures get 401 and nothing runs")
                            .build(),
                    PropertySpec.builder("token", PropertyType.SECRET)
                            .title("Bearer token")
                            .required()
                            .visibleWhen("auth=bearer")
                            .placeholder("{{secret:LEADS_TOKEN}}")
                            .description("Callers send Authorization: Bearer <token>")
                            .build(),
                    PropertySpec.builder("username", PropertyType.STRING)
                            .title("Username")
                            .required()
                            .visibleWhen("auth=basic")
                            .build(),
                    PropertySpec.builder("password", PropertyType.SECRET)
                            .title("Password")
                            .required()
                            .visibleWhen("auth=basic")
                            .placeholder("{{secret:LEADS_PASSWORD}}")
                            .build(),
                    PropertySpec.builder("secret", PropertyType.SECRET)
                            .title("Signing secret")
                            .required()
                            .visibleWhen("auth=hmac-sha256")
                            .placeholder("{{secret:LEADS_HOOK}}")
                            .description("Shared secret of the HMAC-SHA256 signature over the raw body")
                            .build(),
                    PropertySpec.builder("signatureHeader", PropertyType.STRING)
                            .title("Signature header")
                            .visibleWhen("auth=hmac-sha256")
                            .defaultValue(WebhookAuth.DEFAULT_SIGNATURE_HEADER)
                            .description("Header holding sha256=<hex of HMAC-SHA256(secret, body)>")
                            .build(),
                    PropertySpec.builder("timestampHeader", PropertyType.STRING)
                            .title("Timestamp header")
                            .visibleWhen("auth=hmac-sha256")
                            .placeholder("X-Signature-Timestamp")
                            .description("Optional: header holding the unix time of the request; the signature then"
                                    + " covers timestamp + \".\" + body, and old requests are refused")
                            .build(),
                    PropertySpec.builder("tolerance", PropertyType.DURATION)
                            .title("Timestamp tolerance")
                            .visibleWhen("auth=hmac-sha256")
                            .defaultValue("5m")
                            .description(
                                    "How far the timestamp may be from the server's clock (with a timestamp header)")
                            .build(),
                    PropertySpec.builder("eventType", PropertyType.STRING)
                            .title("Event type")
                            .defaultValue(DEFAULT_EVENT_TYPE)
                            .description("The CloudEvents type of the events this trigger creates")
                            .build(),
                    PropertySpec.builder("maxBodySize", PropertyType.STRING)
                            .title("Largest body")
                            .defaultValue(DEFAULT_MAX_BODY_SIZE)
                            .placeholder(DEFAULT_MAX_BODY_SIZE)
                            .description("Larger bodies get 413 and are never read into memory; e.g. 512KB, 10MB"
                                    + " (1KB to 50MB)")
                            .build())
            .helpResource(WebhookConnector.class, "webhook.md")
            .sampleEvent("""
                    {"name": "Ada Lovelace", "email": "ada@example.com", "company": "Analytical Engines Ltd", "score": 72, "tags": ["inbound", "demo-request"]}""")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        pathProblem(config.string("path", "")).ifPresent(m -> problems.add(new ConfigProblem("/path", m)));
        String header = config.string("signatureHeader", WebhookAuth.DEFAULT_SIGNATURE_HEADER);
        if (!HEADER_NAME.matcher(header).matches()) {
            problems.add(new ConfigProblem("/signatureHeader", "'" + header + "' is not an HTTP header name"));
        }
        String timestampHeader = config.string("timestampHeader", "").trim();
        if (!timestampHeader.isEmpty() && !HEADER_NAME.matcher(timestampHeader).matches()) {
            problems.add(new ConfigProblem("/timestampHeader", "'" + timestampHeader + "' is not an HTTP header name"));
        }
        String tolerance = config.string("tolerance", "5m");
        // the property type already makes it a duration; a tolerance under a second would refuse every caller
        if (Durations.isValid(tolerance) && Durations.parse(tolerance).toSeconds() < 1) {
            problems.add(new ConfigProblem("/tolerance", "The tolerance must be at least a second, e.g. 30s or 5m"));
        }
        maxBodyProblem(config.string("maxBodySize", DEFAULT_MAX_BODY_SIZE)).ifPresent(problems::add);
        if (config.string("eventType", DEFAULT_EVENT_TYPE).isBlank()) {
            problems.add(new ConfigProblem("/eventType", "The event type must not be empty"));
        }
        return problems;
    }

    /**
     * Why a path cannot be served as written, if it cannot. Requests are matched on their path after
     * clients and the web server resolved "." and ".." and kept "//", so a path holding those is never
     * reached; a trailing "/" is refused because the path without it answers both forms, and two
     * spellings of one address would let two webhooks claim it.
     */
    public static Optional<String> pathProblem(String path) {
        String shown = Quote.single(path);
        if (!PATH.matcher(path).matches()) {
            return Optional.of(
                    shown + " is not a webhook path: start with / and use letters, digits and . _ ~ - / only");
        }
        if (path.length() > 1 && path.endsWith("/")) {
            return Optional.of(shown + " ends with '/': write " + Quote.single(path.replaceAll("/+$", ""))
                    + ", which answers requests with and without the trailing '/'");
        }
        if (path.contains("//")) {
            return Optional.of(shown + " has an empty segment ('//'), which no request can reach: write "
                    + Quote.single(path.replaceAll("/{2,}", "/")));
        }
        for (String segment : path.substring(1).split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                String resolved = URI.create(path).normalize().getPath();
                boolean suggest =
                        !resolved.contains("/./") && !resolved.contains("/../") && !resolved.startsWith("/..");
                return Optional.of(shown + " has a '" + segment + "' segment: clients and the web server resolve it "
                        + "before the path is matched, so no request can reach this path"
                        + (suggest ? ". Did you mean " + Quote.single(resolved) + "?" : ""));
            }
        }
        return Optional.empty();
    }

    private static Optional<ConfigProblem> maxBodyProblem(String text) {
        long bytes;
        try {
            bytes = ByteSizes.parse(text);
        } catch (IllegalArgumentException e) {
            return Optional.of(new ConfigProblem("/maxBodySize", e.getMessage()));
        }
        if (bytes < SMALLEST_MAX_BODY_BYTES || bytes > LARGEST_MAX_BODY_BYTES) {
            return Optional.of(new ConfigProblem(
                    "/maxBodySize",
                    "maxBodySize must be between 1KB and " + ByteSizes.format(LARGEST_MAX_BODY_BYTES) + ", not "
                            + text.trim()));
        }
        return Optional.empty();
    }

    @Override
    public List<String> httpPaths(NodeConfig config) {
        String path = config.string("path", "");
        return path.isBlank() ? List.of() : List.of(path);
    }

    @Override
    public List<String> httpMethods(NodeConfig config) {
        return List.of(config.string("method", "POST"));
    }

    @Override
    public void compile(NodeContext node) {
        NodeConfig config = node.config();
        String path = config.requireString("path");
        String method = config.string("method", "POST");
        WebhookAuth auth = WebhookAuth.from(config);
        WebhookEvents events = new WebhookEvents(
                node.eventSource(),
                config.string("eventType", DEFAULT_EVENT_TYPE),
                path,
                config.string("signatureHeader", WebhookAuth.DEFAULT_SIGNATURE_HEADER));
        WebhookExchanges exchanges = new WebhookExchanges(auth, events);
        HookSpec hook = new HookSpec(
                path,
                method,
                ByteSizes.parse(config.string("maxBodySize", DEFAULT_MAX_BODY_SIZE)),
                exchanges::checkHeaders);

        RouteDefinition route = node.from(IngressComponent.endpoint(node.camel(), hook));
        TryDefinition attempt = route.doTry();
        attempt.process(exchanges::receive);
        node.accept(attempt);
        attempt.process(WebhookExchanges::accepted);
        // the node's data contract refused the event before the inbox: 400 with every violation
        attempt.doCatch(EventRejectedException.class).process(WebhookExchanges::rejected);
        // an unexpected failure is logged here and answered with 503: the caller never sees a stack trace
        attempt.doCatch(Exception.class).process(WebhookExchanges::failed).end();
    }
}
