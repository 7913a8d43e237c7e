package dev.switchboard.connector.filewatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a whole file into events before any is emitted, so a malformed file emits nothing and
 * goes to {@code .error} as a whole.
 */
final class FileParser {
    static final String TYPE_FILE = "dev.switchboard.file.document";
    static final String TYPE_RECORD = "dev.switchboard.file.record";

    private final String source;
    private final String format;
    private final char delimiter;

    FileParser(String source, String format, char delimiter) {
        this.source = source;
        this.format = format;
        this.delimiter = delimiter;
    }

    List<Event> parse(String fileName, String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return switch (format) {
            case "jsonl" -> lines(fileName, content);
            case "csv" -> rows(fileName, content);
            default -> List.of(event(fileName, 0, TYPE_FILE, parseJson(fileName, content, 0)));
        };
    }

    private List<Event> lines(String fileName, String content) {
        List<Event> events = new ArrayList<>();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                events.add(event(fileName, i + 1, TYPE_RECORD, parseJson(fileName, lines[i], i + 1)));
            }
        }
        return events;
    }

    private List<Event> rows(String fileName, String content) {
        CSVFormat csv = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(content))
                .setFormat(csv)
                .get()) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new IllegalArgumentException(fileName + ": the first line must name the columns");
            }
            List<Event> events = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (record.size() != header.size()) {
                    throw new IllegalArgumentException(
                            fileName + " line " + record.getParser().getCurrentLineNumber() + ": " + record.size()
                                    + " values, but the header names " + header.size() + " columns");
                }
                ObjectNode row = Json.NODES.objectNode();
                for (Map.Entry<String, String> cell : record.toMap().entrySet()) {
                    row.put(cell.getKey(), cell.getValue());
                }
                // keep the header's column order, which toMap does not promise
                ObjectNode ordered = Json.NODES.objectNode();
                header.forEach(h -> ordered.set(h, row.get(h)));
                events.add(event(fileName, record.getRecordNumber(), TYPE_RECORD, ordered));
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(fileName + ": not valid CSV: " + e.getMessage(), e);
        }
    }

    private static JsonNode parseJson(String fileName, String text, int line) {
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(fileName + (line > 0 ? " line " + line : "") + ": " + e.getMessage(), e);
        }
    }

    private Event event(String fileName, long position, String type, JsonNode data) {
        Map<String, String> extensions = position > 0
                ? Map.of("filename", fileName, "filerecord", String.valueOf(position))
                : Map.of("filename", fileName);
        return new Event(UUID.randomUUID().toString(), source, type, null, fileName, null, data, extensions);
    }
}
