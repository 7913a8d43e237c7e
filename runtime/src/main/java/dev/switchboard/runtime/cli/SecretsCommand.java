package dev.switchboard.runtime.cli;

import dev.switchboard.runtime.secrets.SecretVault;
import dev.switchboard.runtime.secrets.VaultKey;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard secrets set|list|remove}: the encrypted vault in the data folder that
 * {@code run} reads secrets from. A value is never taken from the command line (it would sit in
 * the shell's history and in the process list): {@code set} reads it from the terminal without
 * echo, or from standard input.
 */
@Command(
        name = "secrets",
        description = "Keeps secrets in an encrypted vault in the data folder (AES-256-GCM).",
        subcommands = {
            SecretsCommand.SetCommand.class,
            SecretsCommand.ListCommand.class,
            SecretsCommand.RemoveCommand.class
        })
final class SecretsCommand {
    /** Tests give their own environment; the CLI reads the process's. */
    static Function<String, String> environment = System::getenv;

    @Option(
            names = "--data",
            defaultValue = "data",
            scope = ScopeType.INHERIT,
            description = "The runtime's data folder, where the vault is (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    Path vaultFile() {
        return dataDir.resolve(SecretVault.FILE);
    }

    Path keyFile() {
        return dataDir.resolve(VaultKey.FILE);
    }

    /** The vault with its key; a missing key is generated only when {@code mayCreate} and there is no vault yet. */
    SecretVault vault(boolean mayCreate, PrintWriter err) {
        try {
            Optional<char[]> key = VaultKey.find(environment, keyFile());
            if (key.isPresent()) {
                return SecretVault.at(vaultFile(), key.get());
            }
            if (!mayCreate || Files.exists(vaultFile())) {
                throw new CommandFailure(
                        Files.exists(vaultFile())
                                ? "The vault " + vaultFile() + " needs its key: set " + VaultKey.VARIABLE
                                        + " or put the key in " + keyFile()
                                : "No secrets vault in "
                                        + dataDir.toAbsolutePath().normalize()
                                        + " (set one with: switchboard secrets set NAME)");
            }
            char[] generated = VaultKey.generate(keyFile());
            err.println("Generated the vault key " + keyFile() + " (owner-only). Anyone with this file and the vault"
                    + " can read the secrets: keep it out of backups of the data folder, or move its content to "
                    + VaultKey.VARIABLE + ".");
            return SecretVault.at(vaultFile(), generated);
        } catch (SecretVault.VaultException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }

    @Command(
            name = "set",
            description = "Sets a secret; the value is read from the terminal (not echoed) or standard input.")
    static final class SetCommand implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        SecretsCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The name flows reference as {{secret:NAME}}.")
        String name;

        /** Tests give their own input; the CLI reads the process's. */
        static InputStream input = System.in;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            try {
                SecretVault.requireName(name); // before a key is generated for nothing
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage(), e);
            }
            String value = readValue();
            if (value.isEmpty()) {
                throw new CommandFailure("No value given for " + name + ": type it, or pipe it to standard input");
            }
            SecretVault vault = parent.vault(true, err);
            try {
                vault.put(name, value);
            } catch (IllegalArgumentException | SecretVault.VaultException e) {
                throw new CommandFailure(e.getMessage(), e);
            }
            spec.commandLine().getOut().println("Set " + name + " in " + vault.file());
            return 0;
        }

        private String readValue() throws IOException {
            Console console = System.console();
            if (console != null && input == System.in) {
                char[] typed = console.readPassword("Value of %s: ", name);
                return typed == null ? "" : new String(typed);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            input.transferTo(bytes);
            String text = bytes.toString(StandardCharsets.UTF_8);
            // `echo value |` adds one newline that is not part of the value
            return text.endsWith("\r\n")
                    ? text.substring(0, text.length() - 2)
                    : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        }
    }

    @Command(name = "list", description = "Lists the names of the secrets in the vault (never their values).")
    static final class ListCommand implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        SecretsCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Map<String, String> secrets = read(parent, spec.commandLine().getErr());
            secrets.keySet().forEach(out::println);
            out.flush();
            return 0;
        }
    }

    @Command(name = "remove", description = "Removes a secret from the vault.")
    static final class RemoveCommand implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        SecretsCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The secret's name.")
        String name;

        @Override
        public Integer call() {
            SecretVault vault = parent.vault(false, spec.commandLine().getErr());
            boolean removed;
            try {
                removed = vault.remove(name);
            } catch (SecretVault.VaultException e) {
                throw new CommandFailure(e.getMessage(), e);
            }
            if (!removed) {
                throw new CommandFailure("No secret " + name + " in " + vault.file());
            }
            spec.commandLine().getOut().println("Removed " + name + " from " + vault.file());
            return 0;
        }
    }

    private static Map<String, String> read(SecretsCommand parent, PrintWriter err) {
        try {
            return parent.vault(false, err).read();
        } catch (SecretVault.VaultException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }
}
