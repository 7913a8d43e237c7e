package dev.switchboard.designer.model;

import dev.switchboard.runtime.model.Flow;
import java.nio.file.Path;
import java.util.List;

/** One card of the template gallery: a sample flow file and what the gallery shows of it. */
public record SampleTemplate(Path file, Flow flow, String title, String description, List<String> tags) {
    public SampleTemplate {
        tags = List.copyOf(tags);
    }

    public static SampleTemplate of(Path file, Flow flow) {
        String description = flow.description() == null ? "" : flow.description();
        return new SampleTemplate(
                file, flow, flow.displayName(), description, flow.tags() == null ? List.of() : flow.tags());
    }
}
