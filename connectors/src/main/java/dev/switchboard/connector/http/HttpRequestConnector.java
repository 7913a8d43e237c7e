package dev.switchboard.connector.http;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Destination;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.RetryPolicy;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Template;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code http.request}: calls an HTTP API per event, with auth. It sends each request once and
 * classifies a failure (see {@link HttpRequestFailedException}); the runtime retries by the node's
 * policy, which {@code retries} / {@code retryBackoff} set, honouring Retry-After.
 */
public final class HttpRequestConnector implements Connector {
    public static final String ID = "http.request";
    static final int MAX_RETRIES = 10;
    static final int DEFAULT_RETRIES = 3;
    static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~\\-]+");

    private static final ConnectorSpec SPEC = ConnectorSpec.builder(ID, ConnectorKind.ACTION)
            .title("HTTP request")
            .description("Calls an HTTP API for each event and hands on the response")
            .icon("globe")
            .outputs(PortSpec.of(PortSpec.OUT, "out", "The event with the response (or the original data)"))
            .properties(
                    PropertySpec.builder("method", PropertyType.ENUM)
                            .title("Method")
                            .options("GET", "POST", "PUT", "PATCH", "DELETE")
                            .defaultValue("POST")
                            .build(),
                    PropertySpec.builder("url", PropertyType.TEMPLATE)
                            .title("URL")
                            .required()
                            .placeholder("https://api.example.com/leads/{{data.id}}")
                            .acceptsSecrets()
                            .description("Look-ups after the start of the URL are percent-encoded")
                            .build(),
                    PropertySpec.builder("headers", PropertyType.KEY_VALUE)
                            .title("Headers")
                            .acceptsSecrets()
                            .description("Extra request headers; values may use {{…}} look-ups")
                            .build(),
                    PropertySpec.builder("body", PropertyType.TEMPLATE)
                            .title("Body")
                            .acceptsSecrets()
                            .description("Empty: the event data as JSON (no body for GET and DELETE)")
                            .build(),
                    PropertySpec.builder("contentType", PropertyType.STRING)
                            .title("Content type")
                            .defaultValue("application/json")
                            .build(),
                    PropertySpec.builder("auth", PropertyType.ENUM)
                            .title("Authentication")
                            .options("none", "bearer", "basic", "api-key", "oauth2")
                            .defaultValue("none")
                            .build(),
                    PropertySpec.builder("token", PropertyType.SECRET)
                            .title("Bearer token")
                            .required()
                            .visibleWhen("auth=bearer")
                            .placeholder("{{secret:API_TOKEN}}")
                            .build(),
                    PropertySpec.builder("username", PropertyType.STRING)
                            .title("Username")
                            .required()
                            .visibleWhen("auth=basic")
                            .acceptsSecrets()
                            .build(),
                    PropertySpec.builder("password", PropertyType.SECRET)
                            .title("Password")
                            .required()
                            .visibleWhen("auth=basic")
                            .placeholder("{{secret:API_PASSWORD}}")
                            .build(),
                    PropertySpec.builder("apiKeyHeader", PropertyType.STRING)
                            .title("API key header")
                            .visibleWhen("auth=api-key")
                            .defaultValue("X-API-Key")
                            .build(),
                    PropertySpec.builder("apiKey", PropertyType.SECRET)
                            .title("API key")
                            .required()
                            .visibleWhen("auth=api-key")
                            .placeholder("{{secret:API_KEY}}")
                            .build(),
                    PropertySpec.builder("tokenUrl", PropertyType.STRING)
                            .title("Token URL")
                            .required()
                            .visibleWhen("auth=oauth2")
                            .placeholder("https://auth.example.com/oauth/token")
                            .description("The OAuth2 token endpoint (client credentials grant)")
                            .build(),
                    PropertySpec.builder("clientId", PropertyType.STRING)
                            .title("Client ID")
                            .required()
                            .visibleWhen("auth=oauth2")
                            .acceptsSecrets()
                            .build(),
                    PropertySpec.builder("clientSecret", PropertyType.SECRET)
                            .title("Client secret")
                            .required()
                            .visibleWhen("auth=oauth2")
                            .placeholder("{{secret:OAUTH_CLIENT_SECRET}}")
                            .build(),
                    PropertySpec.builder("scope", PropertyType.STRING)
                            .title("Scope")
                            .visibleWhen("auth=oauth2")
                            .description("Space-separated scopes to ask for; empty: the client's default")
                            .build(),
                    PropertySpec.builder("audience", PropertyType.STRING)
                            .title("Audience")
                            .visibleWhen("auth=oauth2")
                            .description("Sent as audience when set (Auth0 and others ask for it)")
                            .build(),
                    PropertySpec.builder("clientAuth", PropertyType.ENUM)
                            .title("Client authentication")
                            .visibleWhen("auth=oauth2")
                            .options("basic", "body")
                            .defaultValue("basic")
                            .description("basic: HTTP Basic (the OAuth2 default); body: client_id and "
                                    + "client_secret in the form")
                            .build(),
                    PropertySpec.builder("idempotencyKey", PropertyType.BOOLEAN)
                            .title("Send Idempotency-Key")
                            .defaultValue(false)
                            .description("Sends Idempotency-Key: <event id>, the same on every retry")
                            .build(),
                    PropertySpec.builder("timeout", PropertyType.DURATION)
                            .title("Timeout")
                            .defaultValue("30s")
                            .description("How long one attempt may wait for the response")
                            .build(),
                    PropertySpec.builder("retries", PropertyType.INTEGER)
                            .title("Retries")
                            .placeholder("3")
                            .description("Extra attempts after connection errors, timeouts, 408, 429 and 5xx (0 to "
                                    + MAX_RETRIES + "); empty: the flow's retry policy, else 3")
                            .build(),
                    PropertySpec.builder("retryBackoff", PropertyType.DURATION)
                            .title("Retry backoff")
                            .placeholder("1s")
                            .description("Pause before the first retry, doubled for each further one (at most 30s); "
                                    + "a longer Retry-After wins")
                            .build(),
                    PropertySpec.builder("output", PropertyType.ENUM)
                            .title("Output")
                            .options("response", "original")
                            .defaultValue("response")
                            .description(
                                    "response: data becomes {status, headers, body}; original: data stays as it was")
                            .build())
            .helpResource(HttpRequestConnector.class, "http.request.md")
            .sampleEvent("""
                    {"status": 201, "headers": {"content-type": "application/json", "location": "/api/leads/4711"}, "body": {"id": 4711, "name": "Ada Lovelace", "owner": "sales-emea"}}""")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        // presence, types, durations and the url and body templates are the generic check's
        String url = config.string("url", "").trim();
        if (!url.isEmpty()
                && !url.startsWith("{{")
                && !url.toLowerCase(Locale.ROOT).matches("https?://.+")) {
            problems.add(new ConfigProblem("/url", "'" + url + "' must start with http:// or https://"));
        }
        config.stringMap("headers").forEach((name, value) -> {
            String pointer = "/headers/" + name.replace("~", "~0").replace("/", "~1");
            if (!HEADER_NAME.matcher(name).matches()) {
                problems.add(new ConfigProblem(pointer, "'" + name + "' is not an HTTP header name"));
            } else if (RequestTemplate.RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                problems.add(new ConfigProblem(pointer, name + " is set by the HTTP client and cannot be configured"));
            }
            // values of key-value properties are templates only to the connector: their syntax is checked here
            templateProblem(value).ifPresent(m -> problems.add(new ConfigProblem(pointer, m)));
        });
        if (!HEADER_NAME.matcher(config.string("apiKeyHeader", "X-API-Key")).matches()) {
            problems.add(new ConfigProblem(
                    "/apiKeyHeader", "'" + config.string("apiKeyHeader", "") + "' is not an HTTP header name"));
        }
        String tokenUrl = config.string("tokenUrl", "").trim();
        if (config.string("auth", "none").equals("oauth2")
                && !tokenUrl.isEmpty()
                && !tokenUrl.toLowerCase(Locale.ROOT).matches("https?://[^\\s]+")) {
            problems.add(new ConfigProblem("/tokenUrl", "'" + tokenUrl + "' must start with http:// or https://"));
        }
        Duration timeout = config.duration("timeout", Duration.ofSeconds(30));
        if (timeout.isZero() || timeout.isNegative()) {
            problems.add(new ConfigProblem("/timeout", "timeout must be longer than zero"));
        }
        try {
            long retries = config.integer("retries", DEFAULT_RETRIES);
            if (retries < 0 || retries > MAX_RETRIES) {
                problems.add(new ConfigProblem(
                        "/retries", "retries must be between 0 and " + MAX_RETRIES + ", not " + retries));
            }
        } catch (ArithmeticException | NumberFormatException | IllegalStateException e) {
            problems.add(new ConfigProblem("/retries", "retries must be a whole number between 0 and " + MAX_RETRIES));
        }
        return problems;
    }

    private static java.util.Optional<String> templateProblem(String source) {
        return java.util.Optional.ofNullable(Template.problem(source));
    }

    /** {@code retries} / {@code retryBackoff}, when either is set, are this node's retry policy. */
    @Override
    public Optional<RetryPolicy> retryPolicy(NodeConfig config) {
        if (!config.has("retries") && !config.has("retryBackoff")) {
            return Optional.empty();
        }
        return Optional.of(new RetryPolicy(
                (int) config.integer("retries", DEFAULT_RETRIES) + 1,
                config.duration("retryBackoff", DEFAULT_BACKOFF),
                MAX_BACKOFF));
    }

    @Override
    public Optional<RetryPolicy> defaultRetryPolicy() {
        return Optional.of(new RetryPolicy(DEFAULT_RETRIES + 1, DEFAULT_BACKOFF, MAX_BACKOFF));
    }

    @Override
    public void compile(NodeContext node) {
        NodeConfig config = node.config();
        RequestTemplate template = new RequestTemplate(config);
        HttpCaller caller = new HttpCaller();
        boolean keepOriginal = config.string("output", "response").equals("original");
        OAuth2Tokens.Lease oauth2 = null;
        if (config.string("auth", "none").equals("oauth2")) {
            // the engine's token cache, shared by nodes with the same credentials; released with the route
            oauth2 = OAuth2Tokens.of(node.camel()).lease(OAuth2Credentials.from(config));
            node.onStop(oauth2);
        }
        OAuth2Tokens.Lease tokens = oauth2;
        node.emit(
                node.route().process(exchange -> {
                    Event event = exchange.getIn().getBody(Event.class);
                    OutboundRequest request = template.render(event);
                    HttpReply response = tokens == null ? caller.send(request) : tokens.send(caller, request);
                    if (!keepOriginal) {
                        exchange.getIn().setBody(event.withData(HttpResponses.toData(response)));
                    }
                }),
                PortSpec.OUT);
    }

    @Override
    public Optional<Destination> destination(NodeConfig config) {
        return config.string("url").map(Destination::url);
    }
}
