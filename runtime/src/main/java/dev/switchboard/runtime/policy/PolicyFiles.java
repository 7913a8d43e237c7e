package dev.switchboard.runtime.policy;

import dev.switchboard.runtime.contract.ClassifiedFields;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.contract.SchemaRegistryException;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.secrets.SecretVault;
import dev.switchboard.runtime.secrets.VaultKey;
import dev.switchboard.runtime.validate.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loading a {@code policies.json} the way {@code switchboard run} does, for every embedder of the
 * runtime (the CLI, the designer): the file beside the flows, else {@code <data>/policies.json};
 * classifications resolved against the schemas; events at rest sealed with the vault key.
 */
public final class PolicyFiles {
    private PolicyFiles() {}

    /** The policies file for flows in {@code flowFolder} (may be null): beside them, else in the data folder. */
    public static Optional<Path> locate(Path flowFolder, Path dataDir) {
        if (flowFolder != null) {
            Path beside = flowFolder.resolve(PoliciesFile.FILE);
            if (Files.isRegularFile(beside)) {
                return Optional.of(beside.toAbsolutePath().normalize());
            }
        }
        Path inData = dataDir.resolve(PoliciesFile.FILE);
        return Files.isRegularFile(inData) ? Optional.of(inData.toAbsolutePath().normalize()) : Optional.empty();
    }

    /** The policies for flows in {@code flowFolder}, as {@code run} would apply them (none without a file). */
    public static CentralPolicies beside(Path flowFolder, Path dataDir, SchemaRegistry schemas, SecretResolver secrets)
            throws PolicyFileException {
        Optional<Path> file = locate(flowFolder, dataDir);
        return file.isEmpty() ? withoutFile(dataDir) : load(file.get(), schemas, secrets, dataDir, System::getenv);
    }

    /** No policies, but the seal when a vault key exists: events sealed while policies masked must still run. */
    public static CentralPolicies withoutFile(Path dataDir) {
        try {
            return VaultKey.find(System::getenv, dataDir.resolve(VaultKey.FILE))
                    .map(key -> CentralPolicies.of(Policies.NONE, EventSeal.fromPassphrase(key)))
                    .orElseGet(CentralPolicies::none);
        } catch (SecretVault.VaultException unusableKey) {
            // without policies the key is only needed for rows sealed earlier: the vault reports it if used
            return CentralPolicies.none();
        }
    }

    /**
     * The policies in {@code file}, with the seal for events at rest when they mask fields (keyed by
     * the vault key: {@code SWITCHBOARD_SECRETS_KEY}, else {@code <data>/secrets.key}, made when missing).
     */
    public static CentralPolicies load(
            Path file,
            SchemaRegistry schemas,
            SecretResolver secrets,
            Path dataDir,
            Function<String, String> environment)
            throws PolicyFileException {
        Policies policies = PoliciesFile.read(file, secrets);
        if (policies.masking().stream().anyMatch(rule -> rule.classification() != null)) {
            try {
                policies = ClassifiedMasking.resolve(file, policies, ClassifiedFields.collect(schemas));
            } catch (SchemaRegistryException e) {
                throw new PolicyFileException(
                        file,
                        List.of(Problem.error(
                                "/masking", "Its classifications cannot be resolved: " + e.getMessage())));
            }
        }
        Path keyFile = dataDir.resolve(VaultKey.FILE);
        Optional<char[]> key = VaultKey.find(environment, keyFile);
        if (policies.masking().isEmpty()) {
            return CentralPolicies.of(
                    policies, key.map(EventSeal::fromPassphrase).orElse(null));
        }
        return CentralPolicies.of(policies, EventSeal.fromPassphrase(key.orElseGet(() -> VaultKey.generate(keyFile))));
    }
}
