package dev.switchboard.runtime.report;

import dev.switchboard.runtime.store.RunQueries.Run;
import dev.switchboard.runtime.store.RunQueries.RunPath;
import dev.switchboard.runtime.store.RunQueries.Step;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An event's lineage as a graph for {@code runs show ID --graph}: one box per run (flow, status,
 * time and the nodes it passed), an arrow from each run to the runs it caused — an event handed to
 * another flow, a retry, a replay of a dead letter. Mermaid renders in GitHub and most wikis; DOT
 * is for Graphviz.
 */
public final class LineageGraph {
    /** The text formats a graph can be printed in. */
    public enum Format {
        MERMAID,
        DOT;

        /** The CLI spellings: {@code mermaid}, {@code dot}. */
        public String spelling() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private LineageGraph() {}

    public static String render(List<RunPath> paths, Format format) {
        Map<String, String> boxIds = new HashMap<>();
        for (RunPath path : paths) {
            boxIds.put(path.run().runId(), "run" + boxIds.size());
        }
        return format == Format.MERMAID ? mermaid(paths, boxIds) : dot(paths, boxIds);
    }

    private static String mermaid(List<RunPath> paths, Map<String, String> boxIds) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (RunPath path : paths) {
            Run run = path.run();
            out.append("  ")
                    .append(boxIds.get(run.runId()))
                    .append("[\"")
                    .append(mermaidText(title(run)))
                    .append("<br/>")
                    .append(mermaidText(nodes(path.steps())))
                    .append("\"]:::")
                    .append(styleClass(run))
                    .append('\n');
        }
        for (RunPath path : paths) {
            Run run = path.run();
            String parent = boxIds.get(run.parentRunId());
            if (parent != null) {
                out.append("  ")
                        .append(parent)
                        .append(" -->|")
                        .append(cause(run, paths))
                        .append("| ")
                        .append(boxIds.get(run.runId()))
                        .append('\n');
            }
        }
        out.append("  classDef success fill:#d9f2e3,stroke:#2e8b57\n")
                .append("  classDef filtered fill:#eeeeee,stroke:#888888\n")
                .append("  classDef failed fill:#f8d7da,stroke:#c0392b\n")
                .append("  classDef retrying fill:#fff3cd,stroke:#b8860b\n");
        return out.toString();
    }

    private static String dot(List<RunPath> paths, Map<String, String> boxIds) {
        StringBuilder out = new StringBuilder("digraph lineage {\n  rankdir=LR;\n  node [shape=box, style=filled];\n");
        for (RunPath path : paths) {
            Run run = path.run();
            out.append("  ")
                    .append(boxIds.get(run.runId()))
                    .append(" [label=\"")
                    .append(dotText(title(run)))
                    .append("\\n")
                    .append(dotText(nodes(path.steps())))
                    .append("\", fillcolor=\"")
                    .append(dotFill(styleClass(run)))
                    .append("\"];\n");
        }
        for (RunPath path : paths) {
            Run run = path.run();
            String parent = boxIds.get(run.parentRunId());
            if (parent != null) {
                out.append("  ")
                        .append(parent)
                        .append(" -> ")
                        .append(boxIds.get(run.runId()))
                        .append(" [label=\"")
                        .append(cause(run, paths))
                        .append("\"];\n");
            }
        }
        return out.append("}\n").toString();
    }

    private static String title(Run run) {
        String status = run.status().toLowerCase(Locale.ROOT).replace('_', '-');
        String replay = run.replayOf() == null ? "" : " · replay of dead letter " + run.replayOf();
        return String.format(
                Locale.ROOT, "%s · %s · %.1f ms%s", run.flowId(), status, run.durationMicros() / 1000.0, replay);
    }

    private static String nodes(List<Step> steps) {
        if (steps.isEmpty()) {
            return "(steps not kept)";
        }
        return steps.stream()
                .map(step -> step.error() != null ? step.nodeId() + " ✗" : step.nodeId())
                .collect(Collectors.joining(" → "));
    }

    /** Why {@code run} exists: a retry continues a failed run of the same flow; otherwise the event was handed on. */
    public static String cause(Run run, List<RunPath> paths) {
        for (RunPath path : paths) {
            Run parent = path.run();
            if (parent.runId().equals(run.parentRunId())) {
                return parent.flowId().equals(run.flowId()) && "RETRYING".equals(parent.status())
                        ? "retry"
                        : "handed on";
            }
        }
        return "handed on";
    }

    private static String styleClass(Run run) {
        return switch (run.status()) {
            case "SUCCESS" -> "success";
            case "FILTERED" -> "filtered";
            case "RETRYING" -> "retrying";
            default -> "failed";
        };
    }

    private static String dotFill(String styleClass) {
        return switch (styleClass) {
            case "success" -> "#d9f2e3";
            case "filtered" -> "#eeeeee";
            case "retrying" -> "#fff3cd";
            default -> "#f8d7da";
        };
    }

    /** Mermaid takes HTML entities in quoted labels; a raw quote or angle bracket would end or break the label. */
    private static String mermaidText(String text) {
        return text.replace("&", "#amp;")
                .replace("\"", "#quot;")
                .replace("<", "#lt;")
                .replace(">", "#gt;");
    }

    private static String dotText(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
