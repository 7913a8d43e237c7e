package dev.switchboard.runtime.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.model.ContractBinding;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Position;
import dev.switchboard.runtime.model.Wire;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Jackson edge of the flow model: JSON text ⇄ {@link Flow}. Writing is canonical — fixed key
 * order for the envelope, insertion order inside configs, two-space indent, {@code "key": value},
 * a final newline — so a file written by Switchboard and read back is written back byte for byte.
 */
public final class FlowCodec {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(FlowLimits.constraints())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private FlowCodec() {}

    /**
     * Parses JSON text into a tree; malformed JSON, and text beyond {@link FlowLimits}, throws with
     * line and column.
     */
    public static JsonNode parseTree(String json) throws MalformedFlowException {
        try (JsonParser parser = new NumberCheckingParser(FACTORY.createParser(json))) {
            try {
                JsonNode tree = MAPPER.readTree(parser);
                if (tree == null) {
                    throw new MalformedFlowException("The file is empty", 1, 1);
                }
                if (parser.nextToken() != null) {
                    throw new MalformedFlowException(
                            "Unexpected content after the closing '}'",
                            parser.currentLocation().getLineNr(),
                            parser.currentLocation().getColumnNr());
                }
                return tree;
            } catch (StreamConstraintsException e) {
                // thrown without a location: the parser still stands on the token that broke the limit
                throw malformed(FlowLimits.describe(e), false, e.getLocation(), parser.currentTokenLocation());
            } catch (NumberCheckingParser.TooManyDigits e) {
                throw malformed(e.getOriginalMessage(), false, e.getLocation(), parser.currentTokenLocation());
            } catch (JsonProcessingException e) {
                throw malformed(e.getOriginalMessage(), true, e.getLocation(), parser.currentTokenLocation());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses JSON text that sits beside flows — a Node-RED export to import — into a config value,
     * under the same {@link FlowLimits} and with the same line-and-column errors as a flow file.
     */
    public static ConfigValue parseValue(String json) throws MalformedFlowException {
        return toConfigValue(parseTree(json));
    }

    /** A flow file's text: strictly UTF-8 (a bad byte is reported with line and column) and at most {@link FlowLimits#MAX_FILE_BYTES}. */
    public static String readFile(Path file) throws IOException, MalformedFlowException {
        long size = Files.size(file);
        if (size > FlowLimits.MAX_FILE_BYTES) {
            throw new MalformedFlowException(
                    "The file has " + FlowLimits.grouped(size) + " bytes; a flow file may have at most "
                            + FlowLimits.grouped(FlowLimits.MAX_FILE_BYTES),
                    0,
                    0);
        }
        return Utf8Text.decode(Files.readAllBytes(file));
    }

    private static MalformedFlowException malformed(
            String message, boolean syntax, JsonLocation reported, JsonLocation fallback) {
        JsonLocation loc = reported != null && reported.getLineNr() > 0 ? reported : fallback;
        return new MalformedFlowException(
                message,
                loc == null ? 0 : Math.max(0, loc.getLineNr()),
                loc == null ? 0 : Math.max(0, loc.getColumnNr()),
                syntax);
    }

    /**
     * Maps a tree to a flow, leniently: fields of the wrong type are read as absent, so a flow with
     * problems can still be shown and checked. Use the validator to learn what is wrong.
     */
    public static Flow fromTree(JsonNode root) {
        List<Node> nodes = new ArrayList<>();
        for (JsonNode n : iterable(root.path("nodes"))) {
            nodes.add(new Node(
                    text(n, "id", ""),
                    text(n, "type", ""),
                    text(n, "name", null),
                    fields(n.get("config")),
                    position(n.get("ui")),
                    contract(n.get("contract")),
                    n.path("disabled").isBoolean() && n.get("disabled").booleanValue()));
        }
        List<Wire> wires = new ArrayList<>();
        for (JsonNode w : iterable(root.path("wires"))) {
            wires.add(new Wire(text(w, "from", ""), text(w, "port", null), text(w, "to", "")));
        }
        List<String> tags = null;
        if (root.path("tags").isArray()) {
            tags = new ArrayList<>();
            for (JsonNode t : root.get("tags")) {
                tags.add(t.asText());
            }
        }
        return new Flow(
                text(root, "format", null),
                text(root, "id", ""),
                text(root, "name", null),
                text(root, "description", null),
                tags,
                nodes,
                wires,
                fields(root.get("settings")));
    }

    /** Parses and maps in one go; for callers that validated already or accept lenient reading. */
    public static Flow read(String json) throws MalformedFlowException {
        return fromTree(parseTree(json));
    }

    public static String write(Flow flow) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(prettyPrinter());
            g.writeStartObject();
            writeText(g, "format", flow.format());
            writeText(g, "id", flow.id());
            writeText(g, "name", flow.name());
            writeText(g, "description", flow.description());
            if (flow.tags() != null) {
                g.writeArrayFieldStart("tags");
                for (String t : flow.tags()) {
                    g.writeString(t);
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart("nodes");
            for (Node n : flow.nodes()) {
                g.writeStartObject();
                writeText(g, "id", n.id());
                writeText(g, "type", n.type());
                writeText(g, "name", n.name());
                if (n.disabled()) {
                    g.writeBooleanField("disabled", true);
                }
                g.writeFieldName("config");
                writeValue(g, n.config());
                if (n.contract() != null) {
                    g.writeObjectFieldStart("contract");
                    writeText(g, "subject", n.contract().reference());
                    if (n.contract().enforcement() != null) {
                        writeText(g, "enforcement", n.contract().enforcement().id());
                    }
                    g.writeEndObject();
                }
                if (n.ui() != null) {
                    g.writeObjectFieldStart("ui");
                    writeCoordinate(g, "x", n.ui().x());
                    writeCoordinate(g, "y", n.ui().y());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("wires");
            for (Wire w : flow.wires()) {
                g.writeStartObject();
                writeText(g, "from", w.from());
                writeText(g, "port", w.port());
                writeText(g, "to", w.to());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!flow.settings().values().isEmpty()) {
                g.writeFieldName("settings");
                writeValue(g, flow.settings());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString() + "\n";
    }

    /** Converts a JSON tree into a config value, keeping field order and exact numbers. */
    public static ConfigValue toConfigValue(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return ConfigValue.Null.INSTANCE;
        if (node.isTextual()) return new ConfigValue.Text(node.textValue());
        if (node.isBoolean()) return new ConfigValue.Bool(node.booleanValue());
        if (node.isNumber())
            return new ConfigValue.Num(node.isBigDecimal() ? node.decimalValue() : new BigDecimal(node.asText()));
        if (node.isArray()) {
            List<ConfigValue> items = new ArrayList<>();
            node.forEach(item -> items.add(toConfigValue(item)));
            return new ConfigValue.Items(items);
        }
        Map<String, ConfigValue> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), toConfigValue(e.getValue()));
        }
        return new ConfigValue.Fields(map);
    }

    /** Converts a config value into a JSON tree (for schema checks and the designer's JSON views). */
    public static JsonNode toJsonNode(ConfigValue value) {
        try {
            return MAPPER.readTree(writeValueToString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String writeValueToString(ConfigValue value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writeValue(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeValue(JsonGenerator g, ConfigValue value) throws IOException {
        if (value instanceof ConfigValue.Text t) {
            g.writeString(t.value());
        } else if (value instanceof ConfigValue.Num n) {
            // plain notation keeps files diffable; a number too long for it (refused when read) is
            // written as it is held, so a hostile in-memory value never expands to a billion digits
            g.writeNumber(
                    FlowLimits.fitsWrittenOut(n.value())
                            ? n.value().toPlainString()
                            : n.value().toString());
        } else if (value instanceof ConfigValue.Bool b) {
            g.writeBoolean(b.value());
        } else if (value instanceof ConfigValue.Items items) {
            g.writeStartArray();
            for (ConfigValue v : items.values()) {
                writeValue(g, v);
            }
            g.writeEndArray();
        } else if (value instanceof ConfigValue.Fields f) {
            g.writeStartObject();
            for (Map.Entry<String, ConfigValue> e : f.values().entrySet()) {
                g.writeFieldName(e.getKey());
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeNull();
        }
    }

    private static void writeText(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void writeCoordinate(JsonGenerator g, String name, double v) throws IOException {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            g.writeNumberField(name, (long) v);
        } else {
            g.writeNumberField(name, BigDecimal.valueOf(v));
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter() {
            @Override
            public DefaultPrettyPrinter createInstance() {
                return prettyPrinter();
            }

            @Override
            public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
                g.writeRaw(": ");
            }

            @Override
            public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
                if (!_arrayIndenter.isInline()) {
                    --_nesting;
                }
                if (nrOfValues > 0) {
                    _arrayIndenter.writeIndentation(g, _nesting);
                }
                g.writeRaw(']');
            }

            @Override
            public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
                if (!_objectIndenter.isInline()) {
                    --_nesting;
                }
                if (nrOfEntries > 0) {
                    _objectIndenter.writeIndentation(g, _nesting);
                }
                g.writeRaw('}');
            }
        };
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array.isArray() ? array : List.of();
    }

    private static String text(JsonNode obj, String field, String fallback) {
        JsonNode v = obj.get(field);
        return v != null && v.isTextual() ? v.textValue() : fallback;
    }

    private static ConfigValue.Fields fields(JsonNode node) {
        ConfigValue v = toConfigValue(node);
        return v instanceof ConfigValue.Fields f ? f : ConfigValue.Fields.EMPTY;
    }

    /** Lenient like the rest: a malformed reference is kept whole for the validator to report. */
    private static ContractBinding contract(JsonNode contract) {
        if (contract == null || !contract.path("subject").isTextual()) {
            return null;
        }
        String reference = contract.get("subject").textValue();
        ContractBinding.Enforcement enforcement = ContractBinding.Enforcement.of(text(contract, "enforcement", ""))
                .orElse(null);
        try {
            return ContractBinding.parse(reference, enforcement);
        } catch (IllegalArgumentException e) {
            return new ContractBinding(reference, null, enforcement);
        }
    }

    private static Position position(JsonNode ui) {
        if (ui == null || !ui.path("x").isNumber() || !ui.path("y").isNumber()) {
            return null;
        }
        return new Position(ui.get("x").doubleValue(), ui.get("y").doubleValue());
    }
}
