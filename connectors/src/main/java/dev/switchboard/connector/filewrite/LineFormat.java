package dev.switchboard.connector.filewrite;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.support.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How one event becomes one line: JSON (the data or the whole CloudEvent) or a CSV row. */
abstract class LineFormat {

    /** The line for one event, without the line break. */
    abstract String line(Event event);

    /** The first line of a new file, or null. */
    String header() {
        return null;
    }

    static LineFormat read(NodeConfig config, List<ConfigProblem> problems) {
        String format = config.string("format", "jsonl");
        switch (format) {
            case "jsonl": {
                String content = config.string("content", "data");
                if (content.equals("event")) {
                    return new JsonLines(true);
                }
                if (!content.equals("data")) {
                    problems.add(new ConfigProblem("/content", "content is '" + content + "'; expected data or event"));
                }
                return new JsonLines(false);
            }
            case "csv":
                return Csv.read(config, problems);
            default:
                problems.add(new ConfigProblem("/format", "format is '" + format + "'; expected jsonl or csv"));
                return null;
        }
    }

    static final class JsonLines extends LineFormat {
        private final boolean wholeEvent;

        JsonLines(boolean wholeEvent) {
            this.wholeEvent = wholeEvent;
        }

        @Override
        String line(Event event) {
            // compact JSON never contains a raw line break: strings escape them
            return wholeEvent ? Json.write(Json.toCloudEvent(event)) : Json.write(event.data());
        }
    }

    /** RFC 4180 rows: one column per configured header, each filled by a template. */
    static final class Csv extends LineFormat {
        private final List<Template> cells;
        private final String header;

        private Csv(List<String> names, List<Template> cells) {
            this.cells = List.copyOf(cells);
            this.header = String.join(",", names.stream().map(Csv::escape).toList());
        }

        static Csv read(NodeConfig config, List<ConfigProblem> problems) {
            Map<String, String> columns = config.stringMap("columns");
            if (columns.isEmpty()) {
                problems.add(new ConfigProblem(
                        "/columns", "CSV needs columns: header → template, e.g. \"email\": \"{{data.email}}\""));
            }
            List<String> names = new ArrayList<>();
            List<Template> cells = new ArrayList<>();
            columns.forEach((name, template) -> {
                try {
                    cells.add(Template.parse(template));
                    names.add(name);
                } catch (IllegalArgumentException e) {
                    problems.add(new ConfigProblem(
                            "/columns/" + name.replace("~", "~0").replace("/", "~1"), e.getMessage()));
                }
            });
            return new Csv(names, cells);
        }

        @Override
        String header() {
            return header;
        }

        @Override
        String line(Event event) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    row.append(',');
                }
                row.append(escape(cells.get(i).render(event)));
            }
            return row.toString();
        }

        static String escape(String value) {
            if (value.indexOf(',') < 0
                    && value.indexOf('"') < 0
                    && value.indexOf('\n') < 0
                    && value.indexOf('\r') < 0) {
                return value;
            }
            return '"' + value.replace("\"", "\"\"") + '"';
        }
    }
}
