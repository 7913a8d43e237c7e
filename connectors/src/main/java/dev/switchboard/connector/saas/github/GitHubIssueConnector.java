package dev.switchboard.connector.saas.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.http.ApiCalls;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code github.issue}: opens an issue ({@code POST /repos/{owner}/{repo}/issues}) for each event
 * and goes on with the event, the issue's number, id and URL added under {@code data.github}.
 */
public final class GitHubIssueConnector implements Connector {
    public static final String ID = "github.issue";

    private static final ConnectorSpec SPEC = ConnectorSpec.builder(ID, ConnectorKind.ACTION)
            .category("SaaS")
            .title("GitHub: create issue")
            .description("Opens a GitHub issue for each event")
            .icon("github")
            .outputs(PortSpec.of(PortSpec.OUT, "out", "The event, with the issue's number and URL in data.github"))
            .properties(
                    GitHubApi.token(),
                    GitHubApi.owner(),
                    GitHubApi.repo(),
                    PropertySpec.builder("title", PropertyType.TEMPLATE)
                            .title("Title")
                            .required()
                            .placeholder("Order {{data.id}} failed to ship")
                            .build(),
                    PropertySpec.builder("body", PropertyType.TEMPLATE)
                            .title("Body")
                            .description("Markdown")
                            .build(),
                    PropertySpec.builder("labels", PropertyType.TEMPLATE)
                            .title("Labels")
                            .placeholder("bug, shipping")
                            .description("Comma-separated, or one look-up of a list ({{data.labels}})")
                            .build(),
                    GitHubApi.baseUrl())
            .helpResource(GitHubIssueConnector.class, "github.issue.md", "github.failures.md")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        GitHubApi.validate(config, problems);
        return problems;
    }

    @Override
    public Optional<RetryPolicy> defaultRetryPolicy() {
        return Optional.of(GitHubApi.DEFAULT_RETRY);
    }

    @Override
    public void compile(NodeContext node) {
        NodeConfig config = node.config();
        GitHubApi api = new GitHubApi(config);
        Template owner = Template.parse(config.requireString("owner"));
        Template repo = Template.parse(config.requireString("repo"));
        Template title = Template.parse(config.requireString("title"));
        Template body = Template.parse(config.string("body", ""));
        Template labels = Template.parse(config.string("labels", ""));
        node.emit(
                node.route().process(exchange -> {
                    Event event = exchange.getIn().getBody(Event.class);
                    ObjectNode issue = Json.NODES.objectNode();
                    issue.put("title", title.render(event));
                    String text = body.render(event);
                    if (!text.isEmpty()) {
                        issue.put("body", text);
                    }
                    ArrayNode names = labels(labels.renderJson(event));
                    if (!names.isEmpty()) {
                        issue.set("labels", names);
                    }
                    JsonNode answer = api.post(
                            "/repos/" + ApiCalls.segment(owner.render(event).trim()) + "/"
                                    + ApiCalls.segment(repo.render(event).trim()) + "/issues",
                            issue);
                    ObjectNode result = Json.NODES.objectNode();
                    result.set("number", answer.path("number"));
                    result.set("id", answer.path("id"));
                    result.put("url", answer.path("html_url").asText(""));
                    exchange.getIn().setBody(ApiCalls.withResult(event, "github", result));
                }),
                PortSpec.OUT);
    }

    /** A list look-up's items, or the comma-separated names of a text. */
    static ArrayNode labels(JsonNode value) {
        ArrayNode names = Json.NODES.arrayNode();
        if (value == null || value.isMissingNode() || value.isNull()) {
            return names;
        }
        if (value.isArray()) {
            value.forEach(v -> {
                String name = v.isValueNode() ? v.asText().trim() : "";
                if (!name.isEmpty()) {
                    names.add(name);
                }
            });
            return names;
        }
        for (String name : value.asText().split(",")) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        return names;
    }

    @Override
    public Optional<Destination> destination(NodeConfig config) {
        return Optional.of(Destination.url(config.string("baseUrl", GitHubApi.DEFAULT_BASE_URL)));
    }
}
