package dev.switchboard.connector.saas.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.http.ApiCalls;
import dev.switchboard.connector.http.HttpCaller;
import dev.switchboard.connector.http.HttpReply;
import dev.switchboard.connector.http.HttpRequestFailedException;
import dev.switchboard.connector.http.RetryAfter;
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
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.support.Template;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code hubspot.contact}: creates or updates the HubSpot contact with an e-mail address, in one
 * call — {@code POST /crm/v3/objects/contacts/batch/upsert} with one input, {@code idProperty:
 * email} — and goes on with the event, the contact's id and whether it was new added under
 * {@code data.hubspot}.
 */
public final class HubSpotContactConnector implements Connector {
    public static final String ID = "hubspot.contact";
    public static final String DEFAULT_BASE_URL = "https://api.hubapi.com";
    static final String PATH = "/crm/v3/objects/contacts/batch/upsert";

    private static final ConnectorSpec SPEC = ConnectorSpec.builder(ID, ConnectorKind.ACTION)
            .category("SaaS")
            .title("HubSpot: save contact")
            .description("Creates the HubSpot contact with an e-mail address, or updates it, for each event")
            .icon("user-plus")
            .outputs(PortSpec.of(
                    PortSpec.OUT, "out", "The event, with the contact's id and whether it is new in data.hubspot"))
            .properties(
                    PropertySpec.builder("token", PropertyType.SECRET)
                            .title("Access token")
                            .required()
                            .placeholder("{{secret:HUBSPOT_TOKEN}}")
                            .description("A private app's access token with crm.objects.contacts.write")
                            .build(),
                    PropertySpec.builder("email", PropertyType.TEMPLATE)
                            .title("E-mail")
                            .required()
                            .placeholder("{{data.email}}")
                            .description("Finds the contact; a new one is created when none has it")
                            .build(),
                    PropertySpec.builder("properties", PropertyType.KEY_VALUE)
                            .title("Properties")
                            .description("HubSpot property names (firstname, lifecyclestage, …) to values; "
                                    + "values may use {{…}} look-ups")
                            .build(),
                    PropertySpec.builder("baseUrl", PropertyType.STRING)
                            .title("API base URL")
                            .defaultValue(DEFAULT_BASE_URL)
                            .build())
            .helpResource(HubSpotContactConnector.class, "hubspot.contact.md")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        ApiCalls.baseUrlProblem(config, "baseUrl").ifPresent(problems::add);
        config.stringMap("properties").forEach((name, value) -> {
            String pointer = "/properties/" + name.replace("~", "~0").replace("/", "~1");
            if (!name.matches("[A-Za-z0-9_]+")) {
                problems.add(new ConfigProblem(pointer, "'" + name + "' is not a HubSpot property name"));
            }
            String problem = Template.problem(value);
            if (problem != null) {
                problems.add(new ConfigProblem(pointer, problem));
            }
        });
        return problems;
    }

    @Override
    public Optional<RetryPolicy> defaultRetryPolicy() {
        return Optional.of(new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }

    @Override
    public void compile(NodeContext node) {
        NodeConfig config = node.config();
        String url = ApiCalls.base(config.string("baseUrl", DEFAULT_BASE_URL)) + PATH;
        String token = config.string("token", "");
        Template email = Template.parse(config.requireString("email"));
        Map<String, Template> properties = new LinkedHashMap<>();
        config.stringMap("properties").forEach((name, value) -> properties.put(name, Template.parse(value)));
        HttpCaller caller = new HttpCaller();
        node.emit(
                node.route().process(exchange -> {
                    Event event = exchange.getIn().getBody(Event.class);
                    String address = email.render(event).trim();
                    if (address.isEmpty()) {
                        throw HttpRequestFailedException.withoutRetry(
                                "HubSpot contact: the e-mail address is empty", 0);
                    }
                    ObjectNode input = Json.NODES.objectNode();
                    input.put("idProperty", "email");
                    input.put("id", address);
                    ObjectNode values = input.putObject("properties");
                    values.put("email", address);
                    properties.forEach((name, value) -> values.put(name, value.render(event)));
                    ObjectNode request = Json.NODES.objectNode();
                    request.putArray("inputs").add(input);
                    HttpReply response = caller.exchange(ApiCalls.jsonRequest(url, token)
                            .header("Content-Type", "application/json")
                            .POST(ApiCalls.json(request))
                            .build());
                    JsonNode contact = check(response, Instant.now());
                    ObjectNode result = Json.NODES.objectNode();
                    result.put("id", contact.path("id").asText(""));
                    result.put("created", contact.path("new").asBoolean(false));
                    exchange.getIn().setBody(ApiCalls.withResult(event, "hubspot", result));
                }),
                PortSpec.OUT);
    }

    /** The upserted contact; otherwise the failure, classified. */
    static JsonNode check(HttpReply response, Instant now) {
        int status = response.statusCode();
        JsonNode answer = ApiCalls.body(response);
        String what = "HubSpot POST " + PATH;
        if (status < 300) {
            JsonNode errors = answer.path("errors");
            if (errors.size() > 0 || answer.path("results").size() == 0) {
                // 207 Multi-Status: the batch ran, our one input failed
                JsonNode first = errors.path(0);
                String message = what + " answered " + status + ": " + message(first, response);
                // an error's status is "error", or an HTTP status as a number for some batch errors
                JsonNode itemStatus = first.path("status");
                if (itemStatus.canConvertToInt()
                        && itemStatus.isNumber()
                        && HttpRequestFailedException.isRetryable(itemStatus.asInt())) {
                    throw HttpRequestFailedException.retryLater(message, status, null);
                }
                throw HttpRequestFailedException.withoutRetry(message, status);
            }
            return answer.path("results").path(0);
        }
        String failed = what + " answered " + status + ": " + message(answer, response);
        if (status == 401) {
            throw HttpRequestFailedException.withoutRetry(
                    "HubSpot POST " + PATH + " failed authentication (401): " + message(answer, response)
                            + "; check the access token",
                    status);
        }
        if (status == 429) {
            Optional<Duration> retryAfter =
                    ApiCalls.header(response, "Retry-After").flatMap(v -> RetryAfter.parse(v, now));
            String policy = answer.path("policyName").asText("").toUpperCase(Locale.ROOT);
            if (retryAfter.isEmpty()
                    && (policy.equals("DAILY")
                            || ApiCalls.header(response, "X-HubSpot-RateLimit-Daily-Remaining")
                                    .orElse("")
                                    .equals("0"))) {
                throw HttpRequestFailedException.withoutRetry(
                        failed + " (the daily limit is used up; replay the dead letter tomorrow)", status);
            }
            Duration wait = retryAfter.orElseGet(() -> intervalWait(response));
            throw HttpRequestFailedException.retryLater(failed, status, wait);
        }
        if (HttpRequestFailedException.isRetryable(status)) {
            throw HttpRequestFailedException.retryLater(failed, status, null);
        }
        throw HttpRequestFailedException.withoutRetry(failed, status);
    }

    /** The rolling window HubSpot names in {@code X-HubSpot-RateLimit-Interval-Milliseconds}, or none. */
    private static Duration intervalWait(HttpReply response) {
        try {
            return ApiCalls.header(response, "X-HubSpot-RateLimit-Interval-Milliseconds")
                    .map(v -> Duration.ofMillis(Long.parseLong(v)))
                    .orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** HubSpot's {@code message}, with its {@code category}. */
    private static String message(JsonNode error, HttpReply response) {
        if (!error.path("message").isTextual()) {
            String excerpt = HttpCaller.excerpt(response.body());
            return excerpt.isEmpty() ? "(no body)" : excerpt.substring(2);
        }
        String category = error.path("category").asText(error.path("errorType").asText(""));
        return error.path("message").asText() + (category.isEmpty() ? "" : " [" + category + "]");
    }

    @Override
    public Optional<Destination> destination(NodeConfig config) {
        return Optional.of(Destination.url(config.string("baseUrl", DEFAULT_BASE_URL)));
    }
}
