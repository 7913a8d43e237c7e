package dev.switchboard.runtime.admin;

import dev.switchboard.runtime.validate.Problem;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A client of a runtime's admin API (docs/admin-api.md), for {@code switchboard deploy}, {@code
 * switchboard schemas register --to} and the designer's Deploy to runtime: one call per flow, the answer read back into the validator's
 * {@link Problem}s so both can show them like their own.
 */
public final class AdminClient {
    private final URI base;
    private final String token;
    private final HttpClient http;

    /** @param base the admin API's address, e.g. {@code http://127.0.0.1:8788} */
    public AdminClient(URI base, String token) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * What the runtime answered.
     *
     * @param created for a deploy: true when the flow was new, false when it replaced one
     * @param message the error's message; empty on success
     */
    public record Answer(int status, boolean created, String message, List<Problem> problems) {
        public boolean ok() {
            return status / 100 == 2;
        }

        /** One line per problem, with its pointer: what a person reads. */
        public List<String> problemLines() {
            return problems.stream()
                    .map(p -> (p.isError() ? "" : "warning: ")
                            + (p.pointer().isEmpty() ? "" : p.pointer() + ": ")
                            + p.message())
                    .toList();
        }
    }

    /** {@code PUT /api/flows/{id}}: deploys or hot-replaces a flow given as flow-file JSON. */
    public Answer deploy(String flowId, String flowJson) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/flows/" + flowId))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(flowJson))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return AdminJson.answer(response.statusCode(), response.body());
    }

    /**
     * What a schema registration answered, and the version it stands for: the new one (201), or
     * the latest when the schema was that already (200); 0 when refused.
     */
    public record SchemaAnswer(Answer answer, int version) {}

    /** {@code POST /api/schemas/{subject}}: registers a JSON Schema as the subject's next version. */
    public SchemaAnswer registerSchema(String subject, String schemaJson) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        base.resolve("/api/schemas/" + URLEncoder.encode(subject, StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(1))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(schemaJson))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Answer answer = AdminJson.answer(response.statusCode(), response.body());
        return new SchemaAnswer(answer, answer.ok() ? AdminJson.versionOf(response.body()) : 0);
    }
}
