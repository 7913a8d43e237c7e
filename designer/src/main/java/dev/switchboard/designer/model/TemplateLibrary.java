package dev.switchboard.designer.model;

import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.MalformedFlowException;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The sample flows the gallery offers: every {@code *.flow.json} under the samples folder. */
public final class TemplateLibrary {
    public static final String SAMPLES_PROPERTY = "switchboard.samples";

    private final Path root;

    public TemplateLibrary(Path root) {
        this.root = root;
    }

    /** {@code -Dswitchboard.samples=…} or {@code samples/} under the working directory. */
    public static TemplateLibrary fromSystemProperty() {
        return new TemplateLibrary(Paths.get(System.getProperty(SAMPLES_PROPERTY, "samples")));
    }

    public Path root() {
        return root;
    }

    /** The templates sorted by title; unreadable files are skipped (the samples' own tests catch them). */
    public List<SampleTemplate> templates() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<SampleTemplate> result = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(FlowFormat.FILE_SUFFIX))
                    .filter(p -> !p.toString().contains("/target/"))
                    .sorted()
                    .toList()) {
                try {
                    Flow flow = FlowCodec.read(Files.readString(file));
                    result.add(SampleTemplate.of(file, flow));
                } catch (MalformedFlowException e) {
                    System.getLogger(TemplateLibrary.class.getName())
                            .log(System.Logger.Level.WARNING, "Skipping template " + file + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        result.sort(Comparator.comparing(t -> t.title().toLowerCase(java.util.Locale.ROOT)));
        return result;
    }
}
