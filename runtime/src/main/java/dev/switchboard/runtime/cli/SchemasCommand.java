package dev.switchboard.runtime.cli;

import dev.switchboard.runtime.contract.CompatibilityMode;
import dev.switchboard.runtime.contract.IncompatibleSchemaException;
import dev.switchboard.runtime.contract.RegisteredSchema;
import dev.switchboard.runtime.contract.SchemaChange;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.contract.SchemaRegistryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard schemas register|list|show|check}: the data contracts' registry, a folder of
 * JSON Schemas by subject and version beside the flows (docs/contracts.md).
 */
@Command(
        name = "schemas",
        description = "Registers and inspects the JSON Schemas flows bind as data contracts.",
        subcommands = {
            SchemasCommand.RegisterCommand.class,
            SchemasCommand.ListCommand.class,
            SchemasCommand.ShowCommand.class,
            SchemasCommand.CheckCommand.class
        })
final class SchemasCommand {

    @Option(
            names = "--dir",
            defaultValue = SchemaRegistry.FOLDER,
            scope = ScopeType.INHERIT,
            description = "The schemas folder; flows find it beside them (default: ${DEFAULT-VALUE} in the current"
                    + " folder).")
    Path dir;

    SchemaRegistry registry() {
        return new SchemaRegistry(dir);
    }

    static String readSchemaFile(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CommandFailure("No such file: " + file, e);
        } catch (CharacterCodingException e) {
            throw new CommandFailure(file + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new CommandFailure("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static void printChanges(PrintWriter to, List<SchemaChange> changes) {
        changes.forEach(change -> to.println("  " + change));
    }

    @Command(
            name = "register",
            description = "Adds FILE as SUBJECT's next version, if it is compatible with the latest under the"
                    + " subject's mode; an incompatible schema is refused with each breaking change.")
    static final class RegisterCommand implements Callable<Integer> {
        @ParentCommand
        SchemasCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SUBJECT", description = "The subject, e.g. orders.")
        String subject;

        @Parameters(index = "1", paramLabel = "FILE", description = "The JSON Schema file.")
        Path file;

        @Option(
                names = "--compatibility",
                paramLabel = "MODE",
                converter = ModeConverter.class,
                description = "Checks under this mode and, once the schema is accepted, keeps it as the subject's:"
                        + " BACKWARD (the default), FORWARD, FULL or NONE.")
        CompatibilityMode mode;

        @Option(
                names = "--to",
                paramLabel = "URL",
                description = "Registers in a running runtime's store through its admin API (e.g."
                        + " http://127.0.0.1:8788) instead of the folder; in cluster mode every runtime sees it.")
        URI to;

        @Option(
                names = "--token",
                description = "With --to: the admin token (default: the environment variable "
                        + DeployCommand.TOKEN_VARIABLE + ").")
        String token;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String text = readSchemaFile(file);
            if (to != null) {
                return RemoteRegistration.register(to, token, subject, text, mode, out, err);
            }
            SchemaRegistry registry = parent.registry();
            try {
                Optional<RegisteredSchema> before = registry.find(subject, null);
                RegisteredSchema registered = registry.register(subject, text, mode);
                if (before.isPresent() && before.get().version() == registered.version()) {
                    out.println(registered.reference() + " already is this schema; nothing registered");
                } else {
                    out.println("Registered " + registered.reference() + " ("
                            + registry.dir().resolve(subject).resolve(registered.version() + ".schema.json") + ")");
                }
                return ExitCodes.OK;
            } catch (IncompatibleSchemaException e) {
                err.println("error: " + e.getMessage() + "; not registered:");
                printChanges(err, e.breakingChanges());
                return ExitCodes.FAILURE;
            } catch (SchemaRegistryException e) {
                throw new CommandFailure(e.getMessage(), e);
            }
        }
    }

    @Command(name = "list", description = "Lists the subjects: their versions and compatibility mode.")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        SchemasCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            SchemaRegistry registry = parent.registry();
            try {
                List<String> subjects = registry.subjects();
                if (subjects.isEmpty()) {
                    out.println("No schemas in " + registry.dir() + " (add one with: switchboard schemas register"
                            + " SUBJECT FILE)");
                }
                for (String subject : subjects) {
                    List<Integer> versions = registry.versions(subject);
                    out.println(subject + "  versions "
                            + versions.stream().map(String::valueOf).collect(Collectors.joining(",")) + "  latest "
                            + versions.get(versions.size() - 1) + "  " + registry.mode(subject));
                }
                return ExitCodes.OK;
            } catch (SchemaRegistryException e) {
                throw new CommandFailure(e.getMessage(), e);
            }
        }
    }

    @Command(name = "show", description = "Prints a version of a subject's schema (default: its latest).")
    static final class ShowCommand implements Callable<Integer> {
        @ParentCommand
        SchemasCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SUBJECT", description = "The subject, or SUBJECT@VERSION.")
        String subject;

        @Parameters(index = "1", arity = "0..1", paramLabel = "VERSION", description = "The version (default: latest).")
        Integer version;

        @Override
        public Integer call() {
            String name = subject;
            Integer wanted = version;
            int at = subject.lastIndexOf('@');
            if (at > 0 && version == null) {
                name = subject.substring(0, at);
                try {
                    wanted = Integer.valueOf(subject.substring(at + 1));
                } catch (NumberFormatException e) {
                    throw new CommandFailure("The version after '@' must be a number: " + subject, e);
                }
            }
            SchemaRegistry registry = parent.registry();
            try {
                String shown = name + (wanted == null ? "" : "@" + wanted);
                RegisteredSchema schema = registry.find(name, wanted)
                        .orElseThrow(() -> new CommandFailure("No schema " + shown + " in " + registry.dir()));
                spec.commandLine().getOut().print(schema.text());
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            } catch (SchemaRegistryException e) {
                throw new CommandFailure(e.getMessage(), e);
            }
        }
    }

    @Command(
            name = "check",
            description = "Says whether FILE would be a compatible next version of SUBJECT, and when not, each"
                    + " breaking change with its JSON pointer (exit code 1). Registers nothing.")
    static final class CheckCommand implements Callable<Integer> {
        @ParentCommand
        SchemasCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SUBJECT", description = "The subject, e.g. orders.")
        String subject;

        @Parameters(index = "1", paramLabel = "FILE", description = "The JSON Schema file.")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                SchemaRegistry.Check check = parent.registry().check(subject, readSchemaFile(file));
                if (check.latest() == null) {
                    out.println("Compatible: " + subject + " has no version yet; this would be " + subject + "@1");
                    return ExitCodes.OK;
                }
                String against = check.latest().reference() + " (" + check.mode() + ")";
                List<SchemaChange> allowed = check.changes().stream()
                        .filter(c -> !check.breakingChanges().contains(c))
                        .toList();
                if (check.isCompatible()) {
                    out.println("Compatible with " + against);
                } else {
                    out.println("Not compatible with " + against + ": "
                            + check.breakingChanges().size() + " breaking change(s)");
                    printChanges(out, check.breakingChanges());
                }
                if (!allowed.isEmpty()) {
                    out.println("Changes " + check.mode() + " allows:");
                    printChanges(out, allowed);
                }
                return check.isCompatible() ? ExitCodes.OK : ExitCodes.FAILURE;
            } catch (SchemaRegistryException e) {
                throw new CommandFailure(e.getMessage(), e);
            }
        }
    }

    /** BACKWARD, FORWARD, FULL, NONE, in any case. */
    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<CompatibilityMode> {
        @Override
        public CompatibilityMode convert(String value) {
            return CompatibilityMode.of(value)
                    .orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                            "'" + value + "' is not a compatibility mode: use BACKWARD, FORWARD, FULL or NONE"));
        }
    }
}
