package dev.switchboard.designer.model;

import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a folder the headless runtime runs as is: the flow files, a {@code secrets.env.example}
 * naming every secret the flows reference (never a value) and a README saying how to run it.
 */
public final class FlowExporter {
    public static final String SECRETS_EXAMPLE = "secrets.env.example";
    public static final String README = "README.md";

    /** What was written, for the status bar and for tests. */
    public record Result(Path folder, List<Path> flowFiles, Set<String> secretNames) {}

    public Result export(List<Flow> flows, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new java.util.ArrayList<>();
        Set<String> secrets = new LinkedHashSet<>();
        Set<String> envs = new LinkedHashSet<>();
        for (Flow flow : flows) {
            Path file = folder.resolve(flow.id() + FlowFormat.FILE_SUFFIX);
            Files.writeString(file, FlowCodec.write(flow));
            written.add(file);
            for (Node n : flow.nodes()) {
                secrets.addAll(SecretResolver.referencedNames(n.config()));
                envs.addAll(SecretResolver.referencedEnvNames(n.config()));
            }
            envs.addAll(SecretResolver.referencedEnvNames(flow.settings()));
        }
        Files.writeString(folder.resolve(SECRETS_EXAMPLE), secretsExample(secrets, envs));
        Files.writeString(folder.resolve(README), readme(flows, folder, secrets));
        return new Result(folder, List.copyOf(written), Set.copyOf(secrets));
    }

    static String secretsExample(Set<String> secrets, Set<String> envs) {
        StringBuilder out = new StringBuilder();
        out.append("# Secrets the flows in this folder reference. Copy to secrets.env, fill in the values,\n")
                .append("# and keep secrets.env out of version control.\n");
        if (secrets.isEmpty()) {
            out.append("# (these flows reference no secrets)\n");
        }
        secrets.forEach(name -> out.append(name).append("=\n"));
        if (!envs.isEmpty()) {
            out.append("\n# Settings read from the environment ({{env:NAME}}):\n");
            envs.forEach(name -> out.append("# ").append(name).append("=\n"));
        }
        return out.toString();
    }

    static String readme(List<Flow> flows, Path folder, Set<String> secrets) {
        StringBuilder out = new StringBuilder("# Switchboard export\n\n");
        out.append("Flows in this folder:\n\n");
        for (Flow f : flows) {
            out.append("- `")
                    .append(f.id())
                    .append(FlowFormat.FILE_SUFFIX)
                    .append("` — ")
                    .append(f.displayName())
                    .append('\n');
        }
        out.append("\n## Run it\n\n");
        if (!secrets.isEmpty()) {
            out.append("1. `cp secrets.env.example secrets.env` and fill in ")
                    .append(String.join(", ", secrets))
                    .append(".\n");
            out.append("2. From the Switchboard checkout:\n\n```\n./switchboard run ")
                    .append(folder.toAbsolutePath())
                    .append(" --secrets ")
                    .append(folder.toAbsolutePath().resolve("secrets.env"))
                    .append("\n```\n");
        } else {
            out.append("From the Switchboard checkout:\n\n```\n./switchboard run ")
                    .append(folder.toAbsolutePath())
                    .append("\n```\n");
        }
        out.append("\nSecrets can also come from environment variables of the same names.\n");
        return out.toString();
    }
}
