package dev.switchboard.connector.saas.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.http.ApiCalls;
import dev.switchboard.connector.http.HttpRequestFailedException;
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
 * {@code github.comment}: comments on an issue or pull request
 * ({@code POST /repos/{owner}/{repo}/issues/{number}/comments}) for each event and goes on with the
 * event, the comment's id and URL added under {@code data.github}.
 */
public final class GitHubCommentConnector implements Connector {
    public static final String ID = "github.comment";

    private static final ConnectorSpec SPEC = ConnectorSpec.builder(ID, ConnectorKind.ACTION)
            .category("SaaS")
            .title("GitHub: add comment")
            .description("Comments on a GitHub issue or pull request for each event")
            .icon("github")
            .outputs(PortSpec.of(PortSpec.OUT, "out", "The event, with the comment's id and URL in data.github"))
            .properties(
                    GitHubApi.token(),
                    GitHubApi.owner(),
                    GitHubApi.repo(),
                    PropertySpec.builder("number", PropertyType.TEMPLATE)
                            .title("Issue number")
                            .required()
                            .placeholder("{{data.github.number}}")
                            .description("The issue or pull request number")
                            .build(),
                    PropertySpec.builder("body", PropertyType.TEMPLATE)
                            .title("Comment")
                            .required()
                            .description("Markdown")
                            .build(),
                    GitHubApi.baseUrl())
            .helpResource(GitHubCommentConnector.class, "github.comment.md", "github.failures.md")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        GitHubApi.validate(config, problems);
        String number = config.string("number", "").trim();
        if (!number.isEmpty() && !number.contains("{{") && !number.matches("[1-9][0-9]{0,18}")) {
            problems.add(new ConfigProblem("/number", "'" + number + "' is not an issue number"));
        }
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
        Template number = Template.parse(config.requireString("number"));
        Template body = Template.parse(config.requireString("body"));
        node.emit(
                node.route().process(exchange -> {
                    Event event = exchange.getIn().getBody(Event.class);
                    String issue = number.render(event).trim();
                    if (!issue.matches("[1-9][0-9]{0,18}")) {
                        throw HttpRequestFailedException.withoutRetry(
                                "GitHub comment: '" + issue + "' is not an issue number", 0);
                    }
                    ObjectNode comment = Json.NODES.objectNode();
                    comment.put("body", body.render(event));
                    JsonNode answer = api.post(
                            "/repos/" + ApiCalls.segment(owner.render(event).trim()) + "/"
                                    + ApiCalls.segment(repo.render(event).trim()) + "/issues/" + issue + "/comments",
                            comment);
                    ObjectNode result = Json.NODES.objectNode();
                    result.set("number", Json.parse(issue));
                    result.set("commentId", answer.path("id"));
                    result.put("url", answer.path("html_url").asText(""));
                    exchange.getIn().setBody(ApiCalls.withResult(event, "github", result));
                }),
                PortSpec.OUT);
    }

    @Override
    public Optional<Destination> destination(NodeConfig config) {
        return Optional.of(Destination.url(config.string("baseUrl", GitHubApi.DEFAULT_BASE_URL)));
    }
}
