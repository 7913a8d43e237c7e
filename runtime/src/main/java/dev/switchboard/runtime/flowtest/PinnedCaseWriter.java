package dev.switchboard.runtime.flowtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.MalformedFlowException;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.store.RunQueries.RunPath;
import dev.switchboard.runtime.store.RunQueries.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pins a recorded run as a flow-test case (the designer's "Pin as test case"): the event that left
 * its trigger becomes the case's event, what each node handed on becomes a {@code data}
 * expectation at its port, and each action's answer becomes its stub, so the case replays the run
 * without the network. The case is appended to the test file (created when missing), and the
 * whole file is read back through {@link FlowTestCodec} before it is written, so a pinned case
 * never leaves a file the runner would refuse.
 */
public final class PinnedCaseWriter {
    /** The action that only writes a log line: tests run it for real, so it needs no stub. */
    private static final String LOG = "log";

    private static final String HTTP_REQUEST = "http.request";
    private static final Set<String> EVENT_ATTRIBUTES_LEFT_OUT = Set.of("specversion", "data", "data_base64");

    /**
     * What was written.
     *
     * @param file the test file as read back
     * @param skipped nodes whose stored snapshot was cut (too large to keep whole), so no expectation names them
     */
    public record Pinned(FlowTestFile file, List<String> skipped) {
        public Pinned {
            skipped = List.copyOf(skipped);
        }
    }

    private PinnedCaseWriter() {}

    /**
     * Appends the run as case {@code name} to {@code testFile}.
     *
     * @throws InvalidTestFileException when the existing file does not read, or the new case would
     *     make it invalid (another case has that name), with the problems' JSON pointers
     * @throws IllegalArgumentException when the run kept no snapshot of the event leaving its trigger
     */
    public static Pinned append(Path testFile, String name, Flow flow, ConnectorCatalog catalog, RunPath run)
            throws IOException, InvalidTestFileException {
        ObjectNode root = Json.NODES.objectNode();
        if (Files.exists(testFile)) {
            FlowTestCodec.read(testFile);
            try {
                root = (ObjectNode) FlowCodec.parseTree(FlowCodec.readFile(testFile));
            } catch (MalformedFlowException e) {
                // FlowTestCodec.read above parsed the same text
                throw new IllegalStateException(e);
            }
        }
        List<String> skipped = new ArrayList<>();
        ArrayNode cases = root.has("cases") ? (ArrayNode) root.get("cases") : root.putArray("cases");
        cases.add(caseOf(name, flow, catalog, run, skipped));
        String text = pretty(root);
        FlowTestFile read = FlowTestCodec.read(testFile, text);
        Files.writeString(testFile, text);
        return new Pinned(read, skipped);
    }

    static ObjectNode caseOf(String name, Flow flow, ConnectorCatalog catalog, RunPath run, List<String> skipped) {
        String trigger = run.run().triggerNode();
        ObjectNode testCase = Json.NODES.objectNode();
        testCase.put("name", name);
        ObjectNode pinned = testCase.putArray("events").addObject();
        pinned.put("trigger", trigger);
        pinned.set(
                "event",
                run.steps().stream()
                        .filter(s -> s.nodeId().equals(trigger))
                        .findFirst()
                        .map(s -> parse(s.output()))
                        .map(PinnedCaseWriter::pinnedEvent)
                        .orElseThrow(() ->
                                new IllegalArgumentException("Run " + run.run().runId()
                                        + " kept no whole snapshot of the event leaving its trigger '" + trigger
                                        + "': nothing to pin")));
        ObjectNode stubs = Json.NODES.objectNode();
        ArrayNode expect = Json.NODES.arrayNode();
        Map<String, Integer> calls = new LinkedHashMap<>();
        for (Step step : run.steps()) {
            if (step.nodeId().equals(trigger)) {
                continue;
            }
            String type = flow.node(step.nodeId()).map(n -> n.type()).orElse("");
            boolean action = catalog.find(type)
                            .map(c -> c.spec().kind() == ConnectorKind.ACTION)
                            .orElse(false)
                    && !type.equals(LOG);
            if (action) {
                calls.merge(step.nodeId(), 1, Integer::sum);
                JsonNode stub = stub(type, step);
                if (stub != null) {
                    stubs.set(step.nodeId(), stub);
                }
            }
            expect(step, expect, skipped);
        }
        calls.forEach((node, count) -> expect.addObject().put("node", node).put("calls", count));
        if (!stubs.isEmpty()) {
            testCase.set("stubs", stubs);
        }
        testCase.set("expect", expect);
        outcome(run.run().status()).ifPresent(o -> testCase.put("outcome", o));
        return testCase;
    }

    private static void expect(Step step, ArrayNode expect, List<String> skipped) {
        if (step.port() == null) {
            if (step.error() != null) {
                expect.addObject().put("node", step.nodeId()).put("deadLettered", step.error());
            }
            return;
        }
        JsonNode out = parse(step.output());
        if (out == null) {
            skipped.add(step.nodeId());
            return;
        }
        ObjectNode expectation = expect.addObject().put("node", step.nodeId());
        if (!step.port().equals("out")) {
            expectation.put("port", step.port());
        }
        expectation.set("data", out.path("data").isMissingNode() ? Json.NODES.nullNode() : out.get("data"));
    }

    /** What the action answered in the run, as the stub that answers the same; null when it handed the event on unchanged. */
    private static JsonNode stub(String type, Step step) {
        if (step.error() != null) {
            return Json.NODES.objectNode().put("error", step.error());
        }
        JsonNode in = parse(step.input());
        JsonNode out = parse(step.output());
        if (out == null) {
            return null;
        }
        JsonNode data = out.path("data");
        if (type.equals(HTTP_REQUEST) && data.has("status")) {
            ObjectNode reply = Json.NODES.objectNode();
            reply.put("status", data.get("status").asInt());
            ObjectNode headers = reply.putObject("headers");
            data.path("headers").fields().forEachRemaining(h -> {
                if (h.getValue().isTextual()) {
                    headers.set(h.getKey(), h.getValue());
                }
            });
            reply.set("body", data.path("body").isMissingNode() ? Json.NODES.nullNode() : data.get("body"));
            return Json.NODES.objectNode().set("reply", reply);
        }
        if (in != null && in.path("data").equals(data)) {
            return null;
        }
        return Json.NODES.objectNode().set("data", data.isMissingNode() ? Json.NODES.nullNode() : data);
    }

    /** The CloudEvent as a case pins it: every attribute (extensions as text) and the data, so templates render the same. */
    private static ObjectNode pinnedEvent(JsonNode cloudEvent) {
        ObjectNode event = Json.NODES.objectNode();
        cloudEvent.fields().forEachRemaining(f -> {
            if (!EVENT_ATTRIBUTES_LEFT_OUT.contains(f.getKey()) && f.getValue().isValueNode()) {
                event.put(f.getKey(), f.getValue().asText());
            }
        });
        if (cloudEvent.has("data")) {
            event.set("data", cloudEvent.get("data"));
        }
        return event;
    }

    private static java.util.Optional<String> outcome(String status) {
        return status.equals("RETRYING")
                ? java.util.Optional.empty()
                : java.util.Optional.of(status.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** A stored snapshot as a CloudEvent, or null when it was cut (no longer JSON) or not kept. */
    private static JsonNode parse(String snapshot) {
        if (snapshot == null || snapshot.isBlank()) {
            return null;
        }
        try {
            JsonNode node = Json.parse(snapshot);
            return node.isObject() ? node : null;
        } catch (IllegalArgumentException cut) {
            return null;
        }
    }

    private static String pretty(JsonNode root) {
        try {
            // laid out as flow files are ("key": value, one array element a line), so the file diffs well
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
            return Json.MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
