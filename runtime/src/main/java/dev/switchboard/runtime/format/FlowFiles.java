package dev.switchboard.runtime.format;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds flow files under paths and loads them, collecting every problem rather than stopping at the first. */
public final class FlowFiles {
    private FlowFiles() {}

    /** @param problems one human-readable line per problem, prefixed with the file */
    public record Loaded(List<Flow> flows, List<Path> files, List<String> problems) {}

    /** Files as given, folders searched recursively for {@code *.flow.json}, in a stable order. */
    public static List<Path> collect(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> f.getFileName().toString().endsWith(FlowFormat.FILE_SUFFIX))
                            .filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    public static Loaded load(List<Path> paths, ConnectorCatalog catalog) throws IOException {
        List<Flow> flows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Path> files = collect(paths);
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                problems.add(file + ": no such file");
                continue;
            }
            String json = Files.readString(file, StandardCharsets.UTF_8);
            try {
                flows.add(FlowCodec.read(json));
            } catch (MalformedFlowException e) {
                problems.add(file + ":" + e.line() + ":" + e.column() + ": not valid JSON: " + e.getMessage());
            }
        }
        return new Loaded(flows, files, problems);
    }
}
