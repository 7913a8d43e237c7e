package dev.switchboard.runtime.admin;

import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.contract.SchemaRegistryException;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.report.DeadLettersJson;
import dev.switchboard.runtime.report.RunsJson;
import dev.switchboard.runtime.store.DeadLetter;
import dev.switchboard.runtime.store.DeadLetterFilter;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.RunQueries;
import dev.switchboard.runtime.validate.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code /api} routes, independent of HTTP: a method, a path, the query and the body in; an
 * {@link AdminResponse} out. {@link AdminServer} does the listening, authentication and body
 * limits. Every error is JSON: {@code {"error", "message", "problems"}}. The routes are described
 * in {@code openapi.json} next to this class (served at {@code GET /api/openapi.json}).
 */
public final class AdminApi {
    static final int MAX_LIMIT = 1000;

    private final DeployedFlows flows;
    private final DurableRuntime runtime;
    private final FlowCounters counters;
    private final AdminSchemas schemas;

    private final List<Route> routes = new ArrayList<>();

    /** A request as the routes see it; {@code query} holds the first value of each parameter. */
    public record AdminRequest(String method, String path, Map<String, String> query, String body) {}

    @FunctionalInterface
    private interface Handler {
        AdminResponse handle(AdminRequest request, List<String> params) throws Exception;
    }

    /** One route: method and template ({@code /api/flows/{id}}). */
    record Route(String method, String template, Handler handler) {
        /** The values of the template's {placeholders}, or null when the path does not fit it. */
        List<String> match(String path) {
            String[] want = template.split("/", -1);
            String[] got = path.split("/", -1);
            if (want.length != got.length) {
                return null;
            }
            List<String> params = new ArrayList<>();
            for (int i = 0; i < want.length; i++) {
                if (want[i].startsWith("{")) {
                    if (got[i].isEmpty()) {
                        return null;
                    }
                    params.add(got[i]);
                } else if (!want[i].equals(got[i])) {
                    return null;
                }
            }
            return params;
        }
    }

    public AdminApi(DeployedFlows flows, DurableRuntime runtime, FlowCounters counters) {
        this(flows, runtime, counters, null);
    }

    public AdminApi(DeployedFlows flows, DurableRuntime runtime, FlowCounters counters, SchemaRegistry schemas) {
        this.flows = flows;
        this.runtime = runtime;
        this.counters = counters;
        this.schemas = new AdminSchemas(schemas);
        route("GET", "/api/flows", (r, p) -> listFlows());
        route("GET", "/api/flows/{id}", (r, p) -> showFlow(p.get(0)));
        route("PUT", "/api/flows/{id}", (r, p) -> putFlow(p.get(0), r.body()));
        route("DELETE", "/api/flows/{id}", (r, p) -> deleteFlow(p.get(0)));
        route("POST", "/api/flows/{id}/stop", (r, p) -> stopFlow(p.get(0)));
        route("POST", "/api/flows/{id}/start", (r, p) -> startFlow(p.get(0)));
        route("GET", "/api/runs", (r, p) -> listRuns(r.query()));
        route("GET", "/api/runs/{id}", (r, p) -> showRun(p.get(0)));
        route("GET", "/api/dead-letters", (r, p) -> listDeadLetters(r.query()));
        route("GET", "/api/dead-letters/{id}", (r, p) -> showDeadLetter(p.get(0)));
        route("POST", "/api/dead-letters/{id}/replay", (r, p) -> replay(p.get(0)));
        route("GET", "/api/schemas", (r, p) -> this.schemas.list());
        route("POST", "/api/schemas/{subject}", (r, p) -> this.schemas.register(p.get(0), r.body()));
        route(
                "PUT",
                "/api/schemas/{subject}/compatibility",
                (r, p) -> this.schemas.setCompatibility(p.get(0), r.body()));
        route("GET", "/api/schemas/{subject}/{version}", (r, p) -> this.schemas.show(p.get(0), p.get(1)));
        route("GET", "/api/openapi.json", (r, p) -> AdminResponse.json(200, openApi()));
    }

    private void route(String method, String template, Handler handler) {
        routes.add(new Route(method, template, handler));
    }

    /** Every route, as "METHOD template" ({@code GET /api/flows/{id}}): what the OpenAPI document must describe. */
    public List<String> routes() {
        return routes.stream().map(r -> r.method() + " " + r.template()).toList();
    }

    /** Answers a request: the matching route's answer, else 404, or 405 with {@code Allow} when only the method is wrong. */
    public AdminResponse handle(AdminRequest request) throws Exception {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            List<String> params = route.match(request.path());
            if (params == null) {
                continue;
            }
            if (route.method().equals(request.method())) {
                try {
                    return route.handler().handle(request, params);
                } catch (DeployedFlows.FlowChangeConflictException e) {
                    return error(409, "conflict", e.getMessage());
                } catch (SchemaRegistryException e) {
                    // the schemas folder and the store disagree, or a schema file is broken: the operator fixes it
                    return error(409, "schema-conflict", e.getMessage());
                }
            }
            allowed.add(route.method());
        }
        if (!allowed.isEmpty()) {
            return error(
                            405,
                            "method-not-allowed",
                            request.method() + " is not allowed on " + request.path() + "; use "
                                    + String.join(", ", allowed))
                    .withHeader("Allow", String.join(", ", allowed));
        }
        return notFound("No such endpoint: " + request.path() + " (the endpoints are listed at /api/openapi.json)");
    }

    static AdminResponse error(int status, String code, String message) {
        return AdminResponse.json(status, AdminJson.error(code, message, List.of()));
    }

    static AdminResponse notFound(String message) {
        return error(404, "not-found", message);
    }

    private AdminResponse listFlows() {
        return AdminResponse.json(200, AdminJson.flows(flows.list(), runtime.engine(), counters));
    }

    private AdminResponse showFlow(String id) {
        return flows.find(id)
                .map(known -> AdminResponse.json(200, AdminJson.detail(known, runtime.engine(), counters)))
                .orElseGet(() -> noFlow(id));
    }

    private static AdminResponse noFlow(String id) {
        return notFound("No flow '" + id + "' in this runtime");
    }

    private AdminResponse putFlow(String id, String body) throws IOException {
        if (body == null || body.isBlank()) {
            return AdminResponse.json(
                    400,
                    AdminJson.error(
                            "invalid-flow",
                            "The body is empty: PUT the flow file (JSON) to deploy",
                            List.of(Problem.error("", "No flow in the body"))));
        }
        FlowDeployments.Outcome outcome = flows.deploy(id, body);
        if (outcome.failure() != null) {
            return AdminResponse.json(
                    400,
                    AdminJson.error(
                            "deploy-failed",
                            outcome.failure() + " (the runtime runs on as it was)",
                            outcome.problems()));
        }
        if (!outcome.deployed()) {
            long errors = outcome.problems().stream().filter(Problem::isError).count();
            return AdminResponse.json(
                    400,
                    AdminJson.error(
                            "invalid-flow",
                            "The flow has " + errors + " problem(s); nothing was changed",
                            outcome.problems()));
        }
        FlowDeployments.Known known = flows.find(id).orElseThrow();
        return AdminResponse.json(
                        outcome.created() ? 201 : 200,
                        AdminJson.deployed(known, runtime.engine(), counters, outcome.created(), outcome.problems()))
                .withHeader("Location", "/api/flows/" + id);
    }

    private AdminResponse deleteFlow(String id) throws IOException {
        return flows.delete(id) ? AdminResponse.json(200, AdminJson.status(id, "deleted")) : noFlow(id);
    }

    private AdminResponse stopFlow(String id) {
        return flows.stop(id).map(this::status).orElseGet(() -> noFlow(id));
    }

    private AdminResponse startFlow(String id) {
        try {
            return flows.start(id).map(this::status).orElseGet(() -> noFlow(id));
        } catch (FlowCompileException e) {
            return error(409, "start-failed", e.getMessage());
        }
    }

    private AdminResponse status(FlowDeployments.Known known) {
        return AdminResponse.json(
                200, AdminJson.status(known.flow().id(), known.status().name().toLowerCase(Locale.ROOT)));
    }

    private AdminResponse listRuns(Map<String, String> query) {
        String status = query.get("status");
        String asked = status;
        if (status != null) {
            Optional<RunRecord.RunStatus> known = java.util.Arrays.stream(RunRecord.RunStatus.values())
                    .filter(s -> RunsJson.spell(s.name()).equals(asked.trim().toLowerCase(Locale.ROOT)))
                    .findFirst();
            if (known.isEmpty()) {
                return badQuery(
                        "status",
                        "'" + status + "' is not a run status: use one of success, filtered, "
                                + "failed, dead-lettered, retrying");
            }
            status = known.get().name();
        }
        Integer limit = limit(query, 50);
        if (limit == null) {
            return badLimit();
        }
        List<RunQueries.Run> runs = runtime.runs().list(query.get("flow"), status, limit);
        return AdminResponse.json(200, RunsJson.list(runs));
    }

    private AdminResponse showRun(String id) {
        List<RunQueries.RunPath> paths = runtime.runs().path(id);
        return paths.isEmpty()
                ? notFound("No run of event or run '" + id + "'")
                : AdminResponse.json(200, RunsJson.path(paths));
    }

    private AdminResponse listDeadLetters(Map<String, String> query) {
        Integer limit = limit(query, 100);
        if (limit == null) {
            return badLimit();
        }
        Instant since;
        Instant until;
        try {
            since = query.containsKey("since") ? Instant.parse(query.get("since")) : null;
            until = query.containsKey("until") ? Instant.parse(query.get("until")) : null;
        } catch (DateTimeParseException e) {
            return badQuery("since/until", "an instant is ISO-8601 UTC, e.g. 2026-11-28T10:00:00Z");
        }
        boolean all = "true".equalsIgnoreCase(query.get("all"));
        DeadLetterFilter filter =
                new DeadLetterFilter(null, query.get("flow"), query.get("node"), since, until, query.get("error"), all);
        return AdminResponse.json(
                200, DeadLettersJson.list(runtime.deadLetters().list(filter, limit)));
    }

    private AdminResponse showDeadLetter(String id) {
        return deadLetter(id)
                .map(d -> AdminResponse.json(200, DeadLettersJson.show(d)))
                .orElseGet(() -> notFound("No dead letter " + id));
    }

    private AdminResponse replay(String id) {
        Optional<DeadLetter> found = deadLetter(id);
        if (found.isEmpty()) {
            return notFound("No dead letter " + id);
        }
        List<DeadLetter> replayed =
                runtime.deadLetters().replay(DeadLetterFilter.byId(found.get().id()));
        if (replayed.isEmpty()) {
            return error(409, "already-replayed", "Dead letter " + id + " was replayed already");
        }
        return AdminResponse.json(200, DeadLettersJson.replayed(replayed));
    }

    private Optional<DeadLetter> deadLetter(String id) {
        try {
            return runtime.deadLetters().find(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Integer limit(Map<String, String> query, int fallback) {
        String text = query.get("limit");
        if (text == null) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            return limit >= 1 && limit <= MAX_LIMIT ? limit : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static AdminResponse badLimit() {
        return badQuery("limit", "limit is a whole number from 1 to " + MAX_LIMIT);
    }

    private static AdminResponse badQuery(String parameter, String message) {
        return error(400, "bad-request", "Query parameter " + parameter + ": " + message);
    }

    private static String openApi() throws IOException {
        try (InputStream in = AdminApi.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IOException("openapi.json is missing from the runtime's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Query parameters of a raw query string, first value of each, URL-decoded. */
    static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.putIfAbsent(name, value);
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
