package dev.switchboard.designer.viewmodel;

import dev.switchboard.runtime.policy.PoliciesFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A flow's {@code policies.json} follows it — a gallery sample's on the first save, the one it runs
 * under on export — so it runs, in the designer and with {@code switchboard run}, under the
 * policies it came with. A folder's own policies file is never overwritten: it applies to every
 * flow there.
 */
final class TemplatePolicies {
    private TemplatePolicies() {}

    /** Copies {@code policies} beside {@code flowFile} unless one is there; says what happened, for the status bar. */
    static String copyBeside(Path policies, Path flowFile) throws IOException {
        Path target = flowFile.toAbsolutePath().resolveSibling(PoliciesFile.FILE);
        if (!Files.isRegularFile(policies)
                || target.equals(policies.toAbsolutePath().normalize())) {
            return "";
        }
        if (!Files.exists(target)) {
            Files.copy(policies, target);
            return " with its " + PoliciesFile.FILE + " beside it";
        }
        if (Arrays.equals(Files.readAllBytes(target), Files.readAllBytes(policies))) {
            return "";
        }
        return " — the " + PoliciesFile.FILE + " already in " + target.getParent() + " applies to it; " + policies
                + " was not copied";
    }
}
