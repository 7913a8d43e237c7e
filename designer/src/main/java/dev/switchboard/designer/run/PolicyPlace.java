package dev.switchboard.designer.run;

import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.policy.PolicyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a Run looks for its {@code policies.json}: beside the open flow's file, as {@code
 * switchboard run} does (else the data folder). A flow opened from a gallery sample that ships a
 * policies file and not yet saved has no folder: that sample's file applies until the flow is
 * saved (saving copies it beside the flow).
 *
 * @param flowFolder the open flow's folder, null while it was never saved
 * @param templatePolicies the policies file the gallery sample came with, null when none
 */
public record PolicyPlace(Path flowFolder, Path templatePolicies) {
    public static PolicyPlace beside(Path flowFolder) {
        return new PolicyPlace(flowFolder, null);
    }

    /** The policies file a Run applies now, if any. */
    public Optional<Path> locate(Path dataFolder) {
        if (flowFolder == null && templatePolicies != null && Files.isRegularFile(templatePolicies)) {
            return Optional.of(templatePolicies.toAbsolutePath().normalize());
        }
        return PolicyFiles.locate(flowFolder, dataFolder);
    }

    /** Where a masking rule's classification is looked up: the schemas beside the flow (or the sample). */
    SchemaRegistry schemas(Path dataFolder) {
        if (flowFolder != null) {
            return SchemaRegistry.beside(flowFolder);
        }
        if (templatePolicies != null) {
            return SchemaRegistry.beside(templatePolicies);
        }
        return new SchemaRegistry(dataFolder.resolve(SchemaRegistry.FOLDER));
    }
}
