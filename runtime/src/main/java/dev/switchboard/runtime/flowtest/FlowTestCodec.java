package dev.switchboard.runtime.flowtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.support.FieldPath;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.support.Quote;
import dev.switchboard.runtime.flowtest.Expectation.FieldMatcher;
import dev.switchboard.runtime.flowtest.FlowTestFile.PinnedEvent;
import dev.switchboard.runtime.flowtest.FlowTestFile.RunOutcome;
import dev.switchboard.runtime.flowtest.FlowTestFile.TestCase;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.MalformedFlowException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code *.test.json} files (the JSON edge of flow tests): the same size, UTF-8 and nesting
 * limits as flow files, then the published schema, then what a schema cannot say (a field path
 * that does not parse, a bad regular expression, an expectation with two checks). Every problem
 * carries its JSON pointer.
 */
public final class FlowTestCodec {
    /** The file name ending of a test file; the flow it tests ends in {@code .flow.json} instead. */
    public static final String SUFFIX = ".test.json";

    /** When pinned events leave their trigger unless they say otherwise: the same in every run, so {@code {{time}}} is too. */
    public static final Instant DEFAULT_TIME = Instant.parse("2025-01-01T00:00:00Z");

    static final String DEFAULT_TYPE = "dev.switchboard.test";
    private static final Set<String> CHECKS = Set.of("event", "data", "fields", "filtered", "deadLettered", "calls");
    private static final Set<String> MATCHERS = Set.of("equals", "contains", "matches", "exists");

    private FlowTestCodec() {}

    /** Reads and checks a test file. */
    public static FlowTestFile read(Path file) throws IOException, InvalidTestFileException {
        try {
            return read(file, FlowCodec.readFile(file));
        } catch (MalformedFlowException e) {
            throw unreadable(e);
        }
    }

    /** Reads and checks a test file's text (an editor's buffer); {@code file} says where it is, for the flow beside it. */
    public static FlowTestFile read(Path file, String text) throws InvalidTestFileException {
        JsonNode tree;
        try {
            tree = FlowCodec.parseTree(text);
        } catch (MalformedFlowException e) {
            throw unreadable(e);
        }
        List<TestFileProblem> problems = new ArrayList<>(FlowTestSchema.check(tree));
        if (!problems.isEmpty()) {
            throw new InvalidTestFileException(problems);
        }
        FlowTestFile read = fromTree(file, tree, problems);
        if (!problems.isEmpty()) {
            throw new InvalidTestFileException(problems);
        }
        return read;
    }

    private static InvalidTestFileException unreadable(MalformedFlowException e) {
        String at = e.line() > 0 ? " (line " + e.line() + ", column " + e.column() + ")" : "";
        return new InvalidTestFileException(List.of(new TestFileProblem("", e.getMessage() + at)));
    }

    /** The flow a test file tests when it names none: {@code x.test.json} tests {@code x.flow.json}. */
    public static Path defaultFlowFile(Path testFile) {
        String name = testFile.getFileName().toString();
        String base = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
        return testFile.resolveSibling(base + ".flow.json");
    }

    private static FlowTestFile fromTree(Path file, JsonNode root, List<TestFileProblem> problems) {
        Path flowFile = root.hasNonNull("flow")
                ? file.resolveSibling(root.get("flow").textValue()).normalize()
                : defaultFlowFile(file);
        Map<String, String> env = new TreeMap<>();
        root.path("env")
                .fields()
                .forEachRemaining(f -> env.put(f.getKey(), f.getValue().textValue()));
        List<TestCase> cases = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        JsonNode list = root.get("cases");
        for (int i = 0; i < list.size(); i++) {
            String pointer = "/cases/" + i;
            TestCase testCase = testCase(pointer, list.get(i), problems);
            if (!names.add(testCase.name())) {
                problems.add(new TestFileProblem(
                        pointer + "/name", "Another case is named " + Quote.single(testCase.name()) + " too"));
            }
            cases.add(testCase);
        }
        return new FlowTestFile(file, flowFile, env, cases);
    }

    private static TestCase testCase(String pointer, JsonNode node, List<TestFileProblem> problems) {
        List<PinnedEvent> events = new ArrayList<>();
        JsonNode eventList = node.get("events");
        for (int i = 0; i < eventList.size(); i++) {
            PinnedEvent event = pinnedEvent(pointer + "/events/" + i, eventList.get(i), i, problems);
            if (event != null) {
                events.add(event);
            }
        }
        Map<String, Stub> stubs = new LinkedHashMap<>();
        node.path("stubs")
                .fields()
                .forEachRemaining(f ->
                        stubs.put(f.getKey(), stub(pointer + "/stubs/" + escape(f.getKey()), f.getValue())));
        List<Expectation> expectations = new ArrayList<>();
        JsonNode expect = node.path("expect");
        for (int i = 0; i < expect.size(); i++) {
            Expectation expectation = expectation(pointer + "/expect/" + i, expect.get(i), problems);
            if (expectation != null) {
                expectations.add(expectation);
            }
        }
        RunOutcome outcome = node.hasNonNull("outcome")
                ? RunOutcome.ofLabel(node.get("outcome").textValue())
                : null;
        return new TestCase(pointer, node.get("name").textValue(), events, stubs, expectations, outcome);
    }

    private static PinnedEvent pinnedEvent(String pointer, JsonNode node, int index, List<TestFileProblem> problems) {
        String trigger = node.get("trigger").textValue();
        boolean full = node.has("event");
        if (full == node.has("data")) {
            problems.add(new TestFileProblem(
                    pointer, "Give the event either as \"event\" (a CloudEvent) or as \"data\" (its data only)"));
            return null;
        }
        JsonNode given = full ? node.get("event") : Json.NODES.objectNode().set("data", node.get("data"));
        Instant time = DEFAULT_TIME;
        if (given.hasNonNull("time")) {
            try {
                time = Instant.parse(given.get("time").textValue());
            } catch (DateTimeParseException e) {
                problems.add(new TestFileProblem(
                        pointer + "/event/time",
                        Quote.single(given.get("time").textValue())
                                + " is not a time: use RFC 3339 in UTC, like 2025-01-01T12:00:00Z"));
            }
        }
        // the time was read above: fromCloudEvent would throw on one that does not parse
        Event read = Json.fromCloudEvent(((ObjectNode) given.deepCopy()).without("time"));
        Map<String, String> extensions = new LinkedHashMap<>(read.extensions());
        extensions.remove("specversion");
        Event event = new Event(
                given.hasNonNull("id") ? read.id() : "test-event-" + (index + 1),
                given.hasNonNull("source") ? read.source() : "/switchboard/test/" + trigger,
                given.hasNonNull("type") ? read.type() : DEFAULT_TYPE,
                time,
                read.subject(),
                read.dataContentType(),
                read.data(),
                extensions);
        return new PinnedEvent(pointer, trigger, event);
    }

    private static Stub stub(String pointer, JsonNode node) {
        if (node.has("reply")) {
            JsonNode reply = node.get("reply");
            Map<String, String> headers = new LinkedHashMap<>();
            reply.path("headers")
                    .fields()
                    .forEachRemaining(f -> headers.put(f.getKey(), f.getValue().textValue()));
            return new Stub.Reply(
                    pointer + "/reply",
                    reply.get("status").intValue(),
                    headers,
                    FlowCodec.toConfigValue(reply.get("body")));
        }
        if (node.has("merge")) {
            return new Stub.Merge(pointer + "/merge", (ConfigValue.Fields) FlowCodec.toConfigValue(node.get("merge")));
        }
        if (node.has("data")) {
            return new Stub.Data(pointer + "/data", FlowCodec.toConfigValue(node.get("data")));
        }
        return new Stub.Fail(pointer + "/error", node.get("error").textValue());
    }

    private static Expectation expectation(String pointer, JsonNode node, List<TestFileProblem> problems) {
        List<String> checks = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (CHECKS.contains(name)) {
                checks.add(name);
            }
        });
        if (checks.size() != 1) {
            problems.add(new TestFileProblem(
                    pointer,
                    (checks.isEmpty()
                                    ? "An expectation needs one check"
                                    : "An expectation has one check, not " + checks)
                            + ": event, data, fields, filtered, deadLettered or calls"));
            return null;
        }
        String check = checks.get(0);
        String nodeId = node.get("node").textValue();
        String port = node.hasNonNull("port") ? node.get("port").textValue() : null;
        boolean input = node.path("input").asBoolean(false);
        for (String filter : List.of("with", "request")) {
            if (node.has(filter) && !check.equals("calls")) {
                problems.add(new TestFileProblem(pointer + "/" + filter, "'" + filter + "' goes with 'calls' only"));
            }
        }
        if (input && port != null) {
            problems.add(new TestFileProblem(
                    pointer + "/port", "An event entering a node has no port: drop 'port' or 'input'"));
        }
        if (node.has("input") && !Set.of("event", "data", "fields").contains(check)) {
            problems.add(new TestFileProblem(pointer + "/input", "'input' goes with event, data or fields"));
        }
        if (port != null && Set.of("deadLettered", "calls").contains(check)) {
            problems.add(new TestFileProblem(pointer + "/port", "'port' does not go with " + check));
        }
        Expectation.Spot spot = new Expectation.Spot(nodeId, port, input);
        return switch (check) {
            case "event" ->
                new Expectation.EventMatch(pointer, spot, FlowCodec.toConfigValue(node.get("event")), false);
            case "data" ->
                new Expectation.EventMatch(
                        pointer,
                        spot,
                        new ConfigValue.Fields(Map.of("data", FlowCodec.toConfigValue(node.get("data")))),
                        true);
            case "fields" ->
                new Expectation.FieldsMatch(pointer, spot, fields(pointer + "/fields", node.get("fields"), problems));
            case "filtered" ->
                new Expectation.Filtered(
                        pointer, nodeId, port, node.get("filtered").booleanValue());
            case "deadLettered" ->
                new Expectation.DeadLettered(
                        pointer, nodeId, node.get("deadLettered").textValue());
            default ->
                new Expectation.Calls(
                        pointer,
                        nodeId,
                        node.get("calls").intValue(),
                        node.has("with") ? FlowCodec.toConfigValue(node.get("with")) : null,
                        node.has("request") ? FlowCodec.toConfigValue(node.get("request")) : null);
        };
    }

    private static Map<FieldPath, FieldMatcher> fields(String pointer, JsonNode node, List<TestFileProblem> problems) {
        Map<FieldPath, FieldMatcher> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> {
            String at = pointer + "/" + escape(f.getKey());
            FieldPath path;
            try {
                path = FieldPath.parse(f.getKey());
            } catch (IllegalArgumentException e) {
                problems.add(new TestFileProblem(at, "Not a field path: " + e.getMessage()));
                return;
            }
            FieldMatcher matcher = matcher(at, f.getValue(), problems);
            if (matcher != null) {
                fields.put(path, matcher);
            }
        });
        return fields;
    }

    /** An object with exactly one of equals, contains, matches or exists is a matcher; any other value must be equal. */
    private static FieldMatcher matcher(String pointer, JsonNode value, List<TestFileProblem> problems) {
        if (!value.isObject()
                || value.size() != 1
                || !MATCHERS.contains(value.fieldNames().next())) {
            return new FieldMatcher.EqualTo(FlowCodec.toConfigValue(value));
        }
        String name = value.fieldNames().next();
        JsonNode argument = value.get(name);
        String at = pointer + "/" + name;
        switch (name) {
            case "equals":
                return new FieldMatcher.EqualTo(FlowCodec.toConfigValue(argument));
            case "exists":
                if (!argument.isBoolean()) {
                    problems.add(new TestFileProblem(at, "'exists' is true or false"));
                    return null;
                }
                return new FieldMatcher.Exists(argument.booleanValue());
            default:
                if (!argument.isTextual()) {
                    problems.add(new TestFileProblem(at, Quote.single(name) + " takes text (a JSON string)"));
                    return null;
                }
                if (name.equals("contains")) {
                    return new FieldMatcher.Contains(argument.textValue());
                }
                try {
                    return new FieldMatcher.Matches(Pattern.compile(argument.textValue()));
                } catch (PatternSyntaxException e) {
                    problems.add(new TestFileProblem(at, "Not a regular expression: " + e.getDescription()));
                    return null;
                }
        }
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
