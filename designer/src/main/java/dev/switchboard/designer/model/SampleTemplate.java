package dev.switchboard.designer.model;

import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.policy.PoliciesFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One card of the template gallery: a sample flow file and what the gallery shows of it.
 *
 * @param policies the {@code policies.json} beside the sample, which {@code switchboard run} would
 *     apply to it (a sample with policies of its own lies in a folder of its own); null when none
 */
public record SampleTemplate(Path file, Flow flow, String title, String description, List<String> tags, Path policies) {
    public SampleTemplate {
        tags = List.copyOf(tags);
    }

    public static SampleTemplate of(Path file, Flow flow) {
        String description = flow.description() == null ? "" : flow.description();
        Path beside = file.toAbsolutePath().resolveSibling(PoliciesFile.FILE);
        return new SampleTemplate(
                file,
                flow,
                flow.displayName(),
                description,
                flow.tags() == null ? List.of() : flow.tags(),
                Files.isRegularFile(beside) ? beside.normalize() : null);
    }

    public Optional<Path> policiesFile() {
        return Optional.ofNullable(policies);
    }
}
