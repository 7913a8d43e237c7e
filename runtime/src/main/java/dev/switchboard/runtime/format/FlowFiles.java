package dev.switchboard.runtime.format;

import dev.switchboard.runtime.model.FlowFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds flow files under paths. Loading them for a run, validated, is
 * {@code validate.FlowLoader}'s: the format knows files, not what makes a flow valid.
 */
public final class FlowFiles {
    private FlowFiles() {}

    /** Files as given, folders searched recursively for {@code *.flow.json}, in a stable order. */
    public static List<Path> collect(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> f.getFileName().toString().endsWith(FlowFormat.FILE_SUFFIX))
                            .filter(Files::isRegularFile)
                            .sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }
}
