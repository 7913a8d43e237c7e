package dev.switchboard.runtime.cli;

import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.policy.CentralPolicies;
import dev.switchboard.runtime.policy.PoliciesFile;
import dev.switchboard.runtime.policy.PolicyFileException;
import dev.switchboard.runtime.policy.PolicyFiles;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which {@code policies.json} {@code switchboard run} applies, read before anything starts: the
 * {@code --policies} file; else the {@code policies.json} beside the flows given on the command
 * line (in a folder given, or beside a file given); else {@code <data>/policies.json}, beside the
 * flows deployed through the admin API. A policies file that is not valid stops {@code run} before
 * it starts — running without the policies an operator meant would leak what they hide. A rule's
 * {@code classification} is resolved here against every schema of the run's registry.
 */
final class RunPolicies {
    private RunPolicies() {}

    /** The policies {@code run} applies (none without a file), told on {@code out}. */
    static CentralPolicies forRun(
            Path explicit,
            List<Path> flowPaths,
            Path dataDir,
            SchemaRegistry schemas,
            SecretResolver secrets,
            PrintWriter out)
            throws PolicyFileException {
        Optional<Path> file = locate(explicit, flowPaths, dataDir);
        if (file.isEmpty()) {
            return PolicyFiles.withoutFile(dataDir);
        }
        CentralPolicies policies = load(file.get(), schemas, secrets, dataDir, System::getenv);
        out.println("Policies from " + file.get() + ": " + policies.policies());
        return policies;
    }

    /** The policies file to apply, if any. */
    static Optional<Path> locate(Path explicit, List<Path> flowPaths, Path dataDir) throws CommandFailure {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new CommandFailure("--policies " + explicit + ": no such file");
            }
            return Optional.of(explicit);
        }
        Set<Path> found = new LinkedHashSet<>();
        for (Path path : flowPaths) {
            Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
            Path candidate = folder == null ? null : folder.resolve(PoliciesFile.FILE);
            if (candidate != null && Files.isRegularFile(candidate)) {
                found.add(candidate.toAbsolutePath().normalize());
            }
        }
        if (found.size() > 1) {
            throw new CommandFailure("Several policies files beside the flows (" + found
                    + "): one runtime applies one; name it with --policies FILE");
        }
        if (found.size() == 1) {
            return Optional.of(found.iterator().next());
        }
        Path inData = dataDir.resolve(PoliciesFile.FILE);
        return Files.isRegularFile(inData) ? Optional.of(inData) : Optional.empty();
    }

    /**
     * The policies in {@code file}, with the seal for events at rest when they mask fields (keyed by
     * the vault key: {@code SWITCHBOARD_SECRETS_KEY}, else {@code <data>/secrets.key}, made when missing).
     */
    static CentralPolicies load(
            Path file,
            SchemaRegistry schemas,
            SecretResolver secrets,
            Path dataDir,
            Function<String, String> environment)
            throws PolicyFileException {
        return PolicyFiles.load(file, schemas, secrets, dataDir, environment);
    }
}
