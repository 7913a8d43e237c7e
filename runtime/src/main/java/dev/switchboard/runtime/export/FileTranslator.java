package dev.switchboard.runtime.export;

import static dev.switchboard.runtime.export.CamelSteps.map;
import static dev.switchboard.runtime.export.CamelSteps.simple;

import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.List;

/** {@code file.watch} / {@code file.write} as the {@code file} component (JSON lines appended). */
final class FileTranslator implements NodeTranslator {

    @Override
    public List<String> types() {
        return List.of("file.watch", "file.write");
    }

    @Override
    public void translate(NodeExport node) {
        NodeConfig config = node.config();
        if (node.type().equals("file.watch")) {
            String pattern = config.string("pattern", "*");
            node.from(
                    "file:" + config.string("folder", ""),
                    map(
                            "antInclude",
                            pattern,
                            "delay",
                            config.duration("interval", java.time.Duration.ofSeconds(1))
                                    .toMillis(),
                            "move",
                            ".done"));
            node.add(CamelSteps.bodyAsText());
            String format = config.string("format", "json");
            if (!format.equals("text")) {
                node.note(
                        "format " + format, "not parsed: the body is the file's text, one event per file (no records)");
            }
            return;
        }
        String path = config.string("path", "");
        int slash = path.lastIndexOf('/');
        String folder = slash < 0 ? "." : path.substring(0, slash);
        String name = path.substring(slash + 1);
        if (TemplateParts.parse(folder).hasLookups()) {
            node.note("path", "look-ups in the folder are not exported; only the file name is dynamic");
            folder = SimpleTemplates.placeholders(folder);
        }
        if (!config.string("format", "jsonl").equals("jsonl")
                || !config.string("content", "data").equals("data")) {
            node.note("format/content", "written as the event data, one JSON line per event");
        }
        node.add(CamelSteps.setVariable("fileData", simple("${body}")));
        node.add(CamelSteps.setBody(simple("${body}\n")));
        node.add(CamelSteps.to(
                "file:" + folder, map("fileName", SimpleTemplates.simple(name, node, "path"), "fileExist", "Append")));
        node.add(CamelSteps.setBody(simple("${variable.fileData}")));
    }
}
