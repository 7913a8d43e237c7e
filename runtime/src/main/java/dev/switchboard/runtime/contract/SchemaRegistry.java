package dev.switchboard.runtime.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.MalformedFlowException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * JSON Schemas by subject, in numbered versions, kept as plain files a team can review and commit:
 *
 * <pre>
 * schemas/
 *   orders/
 *     subject.json        {"compatibility": "BACKWARD"}  (optional; BACKWARD when absent)
 *     1.schema.json
 *     2.schema.json
 * </pre>
 *
 * A version is never changed once written; {@link #register} adds the next one after checking it
 * against the latest under the subject's {@link CompatibilityMode}.
 *
 * <p>{@link #withStore} adds the versions kept in the runtime's store (registered through the admin
 * API; shared by every runtime of a cluster): one view of both. A subject's versions are those of
 * the folder and the store together; the same version in both must be the same schema, else reading
 * it fails naming both places. A mode set in the store wins over the folder's {@code subject.json}.
 * New versions and modes then go to the store only; the folder is never written.
 */
public final class SchemaRegistry {
    /** The folder's usual name, beside the flows. */
    public static final String FOLDER = "schemas";

    public static final String SUBJECT_FILE = "subject.json";
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern VERSION_FILE = Pattern.compile("([1-9][0-9]{0,8})\\.schema\\.json");

    private final Path dir;
    /** Null: the folder alone. */
    private final SharedSchemas store;

    public SchemaRegistry(Path dir) {
        this(dir, null);
    }

    private SchemaRegistry(Path dir, SharedSchemas store) {
        this.dir = dir;
        this.store = store;
    }

    /** This folder merged with the versions and modes kept in {@code store}, where new ones go. */
    public SchemaRegistry withStore(SharedSchemas store) {
        return new SchemaRegistry(dir, store);
    }

    /** Where the schemas come from, for messages: the folder, and the store when there is one. */
    public String where() {
        return store == null ? dir.toString() : dir + " or " + store.where();
    }

    /** The registry beside the flows: {@code schemas} inside a folder, or beside a flow file. */
    public static SchemaRegistry beside(Path flowFileOrFolder) {
        Path base = Files.isDirectory(flowFileOrFolder)
                ? flowFileOrFolder
                : flowFileOrFolder.toAbsolutePath().getParent();
        return new SchemaRegistry(base.resolve(FOLDER));
    }

    public Path dir() {
        return dir;
    }

    public static boolean isValidSubject(String subject) {
        return subject != null && SUBJECT.matcher(subject).matches();
    }

    /** The subjects with at least one version, sorted. */
    public List<String> subjects() throws SchemaRegistryException {
        TreeSet<String> subjects = new TreeSet<>(folderSubjects());
        if (store != null) {
            subjects.addAll(store.subjects());
        }
        return List.copyOf(subjects);
    }

    private List<String> folderSubjects() throws SchemaRegistryException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> subjects = new ArrayList<>();
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry)
                        && isValidSubject(name)
                        && !folderVersions(name).isEmpty()) {
                    subjects.add(name);
                }
            }
            return subjects;
        } catch (IOException e) {
            throw new SchemaRegistryException("Cannot read the schemas folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The subject's versions, ascending; empty for an unknown subject. */
    public List<Integer> versions(String subject) throws SchemaRegistryException {
        TreeSet<Integer> versions = new TreeSet<>(folderVersions(subject));
        if (store != null) {
            versions.addAll(store.versions(subject));
        }
        return List.copyOf(versions);
    }

    private List<Integer> folderVersions(String subject) throws SchemaRegistryException {
        Path folder = subjectDir(subject);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Integer> versions = new ArrayList<>();
            files.forEach(file -> {
                Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
                if (m.matches()) {
                    versions.add(Integer.valueOf(m.group(1)));
                }
            });
            versions.sort(null);
            return versions;
        } catch (IOException e) {
            throw new SchemaRegistryException("Cannot read " + folder + ": " + e.getMessage(), e);
        }
    }

    /** A version of the subject, or its latest when {@code version} is null; empty when there is none. */
    public Optional<RegisteredSchema> find(String subject, Integer version) throws SchemaRegistryException {
        List<Integer> versions = versions(subject);
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        int wanted = version == null ? versions.get(versions.size() - 1) : version;
        if (!versions.contains(wanted)) {
            return Optional.empty();
        }
        Path file = subjectDir(subject).resolve(wanted + ".schema.json");
        RegisteredSchema inFolder =
                Files.exists(file) ? new RegisteredSchema(subject, wanted, read(file), readText(file)) : null;
        Optional<String> storedText = store == null ? Optional.empty() : store.text(subject, wanted);
        if (storedText.isEmpty()) {
            return Optional.ofNullable(inFolder);
        }
        String where = subject + "@" + wanted + " in " + store.where();
        RegisteredSchema stored = new RegisteredSchema(
                subject, wanted, ContractSchemas.parseSchema(storedText.get(), where), storedText.get());
        if (inFolder != null && !inFolder.schema().equals(stored.schema())) {
            throw new SchemaRegistryException(subject + "@" + wanted + " differs between " + file + " and "
                    + store.where() + ": a version never changes; give the folder's schema a new version"
                    + " or remove the file");
        }
        return Optional.of(stored);
    }

    /**
     * The subject's compatibility mode: the one set in the store, else its {@code subject.json},
     * else {@link CompatibilityMode#DEFAULT}.
     */
    public CompatibilityMode mode(String subject) throws SchemaRegistryException {
        Optional<CompatibilityMode> stored = store == null ? Optional.empty() : store.mode(subject);
        if (stored.isPresent()) {
            return stored.get();
        }
        Path file = subjectDir(subject).resolve(SUBJECT_FILE);
        if (!Files.exists(file)) {
            return CompatibilityMode.DEFAULT;
        }
        JsonNode settings = read(file);
        JsonNode mode = settings.path("compatibility");
        if (mode.isMissingNode()) {
            return CompatibilityMode.DEFAULT;
        }
        return CompatibilityMode.of(mode.asText())
                .orElseThrow(() -> new SchemaRegistryException(
                        file + ": /compatibility must be one of BACKWARD, " + "FORWARD, FULL, NONE, not " + mode));
    }

    public void setMode(String subject, CompatibilityMode mode) throws SchemaRegistryException {
        if (store != null) {
            requireValidSubject(subject);
            store.setMode(subject, mode);
            return;
        }
        ObjectNode settings = JsonNodeFactory.instance.objectNode().put("compatibility", mode.name());
        Path folder = subjectDir(subject);
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".subject", ".tmp");
            Files.writeString(temp, settings.toPrettyString() + "\n");
            Files.move(
                    temp,
                    folder.resolve(SUBJECT_FILE),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SchemaRegistryException(
                    "Cannot write " + folder.resolve(SUBJECT_FILE) + ": " + e.getMessage(), e);
        }
    }

    /** What {@link #register} would decide, without writing anything. */
    public Check check(String subject, String schemaText) throws SchemaRegistryException {
        return check(subject, schemaText, null);
    }

    /** @param mode the mode to check under; null for the subject's own */
    private Check check(String subject, String schemaText, CompatibilityMode mode) throws SchemaRegistryException {
        JsonNode schema = ContractSchemas.parseSchema(schemaText, "the new schema");
        Optional<RegisteredSchema> latest = find(subject, null);
        mode = mode != null ? mode : mode(subject);
        if (latest.isEmpty()) {
            return new Check(subject, null, mode, schema, List.of(), List.of());
        }
        List<SchemaChange> all = CompatibilityChecker.changes(latest.get().schema(), schema);
        return new Check(
                subject,
                latest.get(),
                mode,
                schema,
                all,
                all.stream().filter(mode::isBrokenBy).toList());
    }

    /**
     * Stores the schema as the subject's next version. The same schema as the latest gives back the
     * latest (nothing written); one that breaks the subject's mode is refused with every breaking change.
     */
    public RegisteredSchema register(String subject, String schemaText) throws SchemaRegistryException {
        return register(subject, schemaText, null);
    }

    /**
     * Like {@link #register(String, String)}, under {@code mode} (null: the subject's own), which
     * becomes the subject's mode once the schema is accepted; a refused schema changes nothing.
     */
    public RegisteredSchema register(String subject, String schemaText, CompatibilityMode mode)
            throws SchemaRegistryException {
        requireValidSubject(subject);
        Check check = check(subject, schemaText, mode);
        boolean same = check.latest() != null && check.latest().schema().equals(check.schema());
        if (!same && !check.breakingChanges().isEmpty()) {
            throw new IncompatibleSchemaException(
                    subject, check.latest().version(), check.mode(), check.breakingChanges());
        }
        if (mode != null) {
            setMode(subject, mode);
        }
        if (same) {
            return check.latest();
        }
        int version = check.latest() == null ? 1 : check.latest().version() + 1;
        String text = schemaText.endsWith("\n") ? schemaText : schemaText + "\n";
        if (store != null) {
            if (!store.add(subject, version, text)) {
                throw registeredMeanwhile(subject, version, null);
            }
        } else {
            writeFile(subject, version, text);
        }
        return new RegisteredSchema(subject, version, check.schema(), text);
    }

    private void writeFile(String subject, int version, String text) throws SchemaRegistryException {
        Path folder = subjectDir(subject);
        Path file = folder.resolve(version + ".schema.json");
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".register", ".tmp");
            Files.writeString(temp, text);
            try {
                // no REPLACE_EXISTING: two registrations at once cannot both become this version
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(temp);
                throw registeredMeanwhile(subject, version, e);
            }
        } catch (IOException e) {
            throw new SchemaRegistryException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static SchemaRegistryException registeredMeanwhile(String subject, int version, Exception cause) {
        return new RegisteredMeanwhileException(
                subject + "@" + version + " was registered meanwhile; check against it and try again", cause);
    }

    /** Two registrations at once: the other one took the version; checking again against it may pass. */
    public static final class RegisteredMeanwhileException extends SchemaRegistryException {
        RegisteredMeanwhileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A new schema compared with the subject's latest version.
     *
     * @param latest null when the subject has no version yet (anything is compatible)
     * @param changes every difference found, breaking or not
     */
    public record Check(
            String subject,
            RegisteredSchema latest,
            CompatibilityMode mode,
            JsonNode schema,
            List<SchemaChange> changes,
            List<SchemaChange> breakingChanges) {
        public boolean isCompatible() {
            return breakingChanges.isEmpty();
        }
    }

    private Path subjectDir(String subject) throws SchemaRegistryException {
        requireValidSubject(subject);
        return dir.resolve(subject);
    }

    private static void requireValidSubject(String subject) throws SchemaRegistryException {
        if (!isValidSubject(subject)) {
            throw new SchemaRegistryException("'" + subject + "' is not a valid subject: use letters, digits, '.', '-'"
                    + " and '_', starting with a letter or digit");
        }
    }

    private static String readText(Path file) throws SchemaRegistryException {
        try {
            return FlowCodec.readFile(file);
        } catch (NoSuchFileException e) {
            throw new SchemaRegistryException(file + " does not exist", e);
        } catch (IOException e) {
            throw new SchemaRegistryException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (MalformedFlowException e) {
            throw new SchemaRegistryException(file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode read(Path file) throws SchemaRegistryException {
        return ContractSchemas.parseSchema(readText(file), file.toString());
    }
}
