package dev.switchboard.runtime.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.runtime.contract.CompatibilityMode;
import dev.switchboard.runtime.contract.RegisteredSchema;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.MalformedFlowException;
import dev.switchboard.runtime.report.ReportJson;
import dev.switchboard.runtime.report.RunsJson;
import dev.switchboard.runtime.validate.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The admin API's own JSON documents (flows, errors); run history and dead letters are {@code runtime.report}'s. */
final class AdminJson {
    private AdminJson() {}

    /** {@code {"error": code, "message": …, "problems": [{pointer, message, severity, …}]}}. */
    static String error(String code, String message, List<Problem> problems) {
        ObjectNode root = ReportJson.NODES.objectNode();
        root.put("error", code);
        root.put("message", message);
        root.set("problems", problems(problems));
        return ReportJson.write(root);
    }

    static ArrayNode problems(List<Problem> problems) {
        ArrayNode array = ReportJson.NODES.arrayNode();
        for (Problem p : problems) {
            ObjectNode o = array.addObject();
            o.put("pointer", p.pointer());
            o.put("message", p.message());
            o.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
            if (p.nodeId() != null) {
                o.put("nodeId", p.nodeId());
            }
            if (p.property() != null) {
                o.put("property", p.property());
            }
            if (p.line() > 0) {
                o.put("line", p.line());
                o.put("column", p.column());
            }
        }
        return array;
    }

    /** One subject of the schemas folder. */
    record Subject(String name, List<Integer> versions, CompatibilityMode mode) {}

    /** {@code {"dir": …, "subjects": [{"subject", "versions", "latest", "compatibility"}]}}. */
    static String subjects(String dir, List<Subject> subjects) {
        ObjectNode root = ReportJson.NODES.objectNode();
        root.put("dir", dir);
        ArrayNode array = root.putArray("subjects");
        for (Subject s : subjects) {
            ObjectNode o = array.addObject();
            o.put("subject", s.name());
            ArrayNode versions = o.putArray("versions");
            s.versions().forEach(versions::add);
            o.put("latest", s.versions().get(s.versions().size() - 1));
            o.put("compatibility", s.mode().name());
        }
        return ReportJson.write(root);
    }

    /**
     * The mode a {@code PUT /api/schemas/{subject}/compatibility} body names:
     * {@code {"compatibility": "FULL"}}; empty when the body is not that.
     */
    static Optional<CompatibilityMode> compatibilityOf(String body) {
        try {
            JsonNode mode = FlowCodec.parseTree(body).path("compatibility");
            return mode.isTextual() ? CompatibilityMode.of(mode.asText()) : Optional.empty();
        } catch (MalformedFlowException e) {
            return Optional.empty();
        }
    }

    /** {@code {"subject", "compatibility"}}. */
    static String compatibility(String subject, CompatibilityMode mode) {
        ObjectNode root = ReportJson.NODES.objectNode();
        root.put("subject", subject);
        root.put("compatibility", mode.name());
        return ReportJson.write(root);
    }

    /** {@code {"subject", "version", "compatibility", "schema": {…}}}. */
    static String schema(RegisteredSchema schema, CompatibilityMode mode) {
        ObjectNode root = ReportJson.NODES.objectNode();
        root.put("subject", schema.subject());
        root.put("version", schema.version());
        root.put("compatibility", mode.name());
        root.set("schema", schema.schema());
        return ReportJson.write(root);
    }

    static String flows(List<FlowDeployments.Known> flows, Engine engine, FlowCounters counters) {
        ObjectNode root = ReportJson.NODES.objectNode();
        ArrayNode array = root.putArray("flows");
        flows.forEach(known -> array.add(summary(known, engine, counters)));
        return ReportJson.write(root);
    }

    /** One flow in the list: id, name, status, webhook URLs by node, run counts since start. */
    private static ObjectNode summary(FlowDeployments.Known known, Engine engine, FlowCounters counters) {
        Map<String, List<String>> addresses = engine.addresses(known.flow().id());
        FlowCounters.Snapshot counts = counters.of(known.flow().id());
        ObjectNode o = ReportJson.NODES.objectNode();
        o.put("id", known.flow().id());
        o.put("name", known.flow().displayName());
        o.put("status", known.status().name().toLowerCase(Locale.ROOT));
        if (known.revision() > 0) {
            o.put("revision", known.revision());
        }
        ObjectNode hooks = o.putObject("webhooks");
        addresses.forEach((node, urls) -> urls.forEach(hooks.putArray(node)::add));
        ObjectNode c = o.putObject("counters");
        c.put("runs", counts.total());
        counts.byStatus().forEach((status, n) -> c.put(camel(status), n));
        ReportJson.putInstant(c, "lastRunAt", counts.lastRunAt());
        return o;
    }

    private static String camel(RunRecord.RunStatus status) {
        String[] words = RunsJson.spell(status.name()).split("-");
        StringBuilder b = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return b.toString();
    }

    /** One flow in full: the summary plus {@code "flow"}, the flow file (FlowCodec's canonical form). */
    static String detail(FlowDeployments.Known known, Engine engine, FlowCounters counters) {
        ObjectNode summary = summary(known, engine, counters);
        summary.set("flow", tree(FlowCodec.write(known.flow())));
        return ReportJson.write(summary);
    }

    /** A deploy's answer: the summary, {@code "created"} and the warnings. */
    static String deployed(
            FlowDeployments.Known known,
            Engine engine,
            FlowCounters counters,
            boolean created,
            List<Problem> warnings) {
        ObjectNode summary = summary(known, engine, counters);
        summary.put("created", created);
        summary.set("problems", problems(warnings));
        return ReportJson.write(summary);
    }

    /** {@code {"id": …, "status": …}}: what delete, stop and start answer. */
    static String status(String id, String status) {
        ObjectNode o = ReportJson.NODES.objectNode();
        o.put("id", id);
        o.put("status", status);
        return ReportJson.write(o);
    }

    private static JsonNode tree(String flowJson) {
        try {
            return FlowCodec.parseTree(flowJson);
        } catch (MalformedFlowException e) {
            throw new IllegalStateException("A written flow did not read back: " + e.getMessage(), e);
        }
    }

    /** The {@code version} of a schema answer ({@code {"subject", "version", …}}); 0 when it has none. */
    static int versionOf(String body) {
        try {
            return FlowCodec.parseTree(body).path("version").asInt(0);
        } catch (MalformedFlowException e) {
            return 0;
        }
    }

    /**
     * What a client reads from any answer: its {@code message} (or, for a deploy, nothing), the
     * {@code created} flag and the {@code problems}, each back as a {@link Problem}. A body that is
     * not this API's JSON (a proxy's error page) gives its first line as the message.
     */
    static AdminClient.Answer answer(int status, String body) {
        JsonNode root;
        try {
            root = FlowCodec.parseTree(body);
        } catch (MalformedFlowException e) {
            String firstLine = body.strip().lines().findFirst().orElse("");
            return new AdminClient.Answer(status, false, "HTTP " + status + ": " + firstLine, List.of());
        }
        List<Problem> problems = new ArrayList<>();
        for (JsonNode p : root.path("problems")) {
            Problem.Severity severity =
                    "warning".equals(p.path("severity").asText()) ? Problem.Severity.WARNING : Problem.Severity.ERROR;
            problems.add(new Problem(
                    severity,
                    p.path("pointer").asText(""),
                    p.path("message").asText(""),
                    p.hasNonNull("nodeId") ? p.get("nodeId").asText() : null,
                    p.hasNonNull("property") ? p.get("property").asText() : null,
                    p.path("line").asInt(0),
                    p.path("column").asInt(0)));
        }
        return new AdminClient.Answer(
                status,
                root.path("created").asBoolean(false),
                root.path("message").asText(""),
                problems);
    }
}
