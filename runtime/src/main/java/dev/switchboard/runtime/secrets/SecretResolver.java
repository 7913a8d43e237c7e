package dev.switchboard.runtime.secrets;

import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.ConfigValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code {{secret:NAME}}} and {@code {{env:NAME}}} references at compile time, never
 * earlier: flow files hold only names. Values come from where {@link SecretSources} looks: a
 * {@code secrets.env} file (NAME=value lines), the encrypted {@link SecretVault}, the environment. {@code env:} is for settings that change per deployment,
 * such as a partner's base URL, and resolves anywhere; secrets are sensitive: they resolve only in
 * properties that allow them, are masked in whatever the runtime shows or stores
 * ({@link SecretMask}) and are refused in clear by the validator.
 */
public final class SecretResolver {
    /** A valid secret or setting name: letters, digits and _, not starting with a digit (an environment variable name). */
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*secret:([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    /** Anything written like a reference, whatever its name: {@code {{secret:1BAD}}} too, so it can be told apart and named. */
    public static final Pattern LOOSE_REFERENCE = Pattern.compile("\\{\\{\\s*(secret|env):([^}]*)}}");

    private static final Pattern ANY_REFERENCE =
            Pattern.compile("\\{\\{\\s*(?:secret|env):([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\{\\{\\s*env:([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private final Function<String, String> lookup;

    public SecretResolver(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** Environment variables only. */
    public static SecretResolver fromEnvironment() {
        return new SecretResolver(System::getenv);
    }

    /** A {@code NAME=value} file first, then the environment. */
    public static SecretResolver fromFileAndEnvironment(Path envFile) throws IOException {
        Map<String, String> file = readEnvFile(envFile);
        return new SecretResolver(name -> file.containsKey(name) ? file.get(name) : System.getenv(name));
    }

    public static SecretResolver of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new SecretResolver(copy::get);
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(lookup.apply(name));
    }

    /** The secret names referenced anywhere in a config value, in order of appearance. */
    public static Set<String> referencedNames(ConfigValue value) {
        Set<String> names = new LinkedHashSet<>();
        collect(value, REFERENCE, names);
        return names;
    }

    /** The {@code {{env:NAME}}} names referenced anywhere in a config value. */
    public static Set<String> referencedEnvNames(ConfigValue value) {
        Set<String> names = new LinkedHashSet<>();
        collect(value, ENV_REFERENCE, names);
        return names;
    }

    private static void collect(ConfigValue value, Pattern pattern, Set<String> names) {
        if (value instanceof ConfigValue.Text t) {
            Matcher m = pattern.matcher(t.value());
            while (m.find()) {
                names.add(m.group(1));
            }
        } else if (value instanceof ConfigValue.Items items) {
            items.values().forEach(v -> collect(v, pattern, names));
        } else if (value instanceof ConfigValue.Fields f) {
            f.values().values().forEach(v -> collect(v, pattern, names));
        }
    }

    /**
     * A copy of a node's config with its references replaced; throws listing every missing name.
     * {@code {{env:NAME}}} is replaced everywhere; {@code {{secret:NAME}}} only in properties that
     * allow secrets ({@link PropertySpec#allowsSecretReferences()}) — anywhere else the reference
     * stays as written, so a secret can never end up in a log line or in event data by way of an
     * ordinary template (the validator refuses such references in the first place).
     *
     * @param specs the connector's properties, which say where secrets may go
     */
    public ConfigValue.Fields resolve(ConfigValue.Fields config, List<PropertySpec> specs)
            throws MissingSecretException {
        List<String> missing = new ArrayList<>();
        ConfigValue.Fields resolved = replaceFields(config, specs, missing);
        if (!missing.isEmpty()) {
            throw new MissingSecretException(missing);
        }
        return resolved;
    }

    private ConfigValue.Fields replaceFields(
            ConfigValue.Fields fields, List<PropertySpec> specs, List<String> missing) {
        Map<String, ConfigValue> map = new LinkedHashMap<>();
        fields.values().forEach((key, value) -> {
            PropertySpec spec =
                    specs.stream().filter(s -> s.name().equals(key)).findFirst().orElse(null);
            boolean secretsAllowed = spec != null && spec.allowsSecretReferences();
            List<PropertySpec> items = spec != null && spec.type() == PropertyType.LIST ? spec.items() : List.of();
            map.put(key, replace(value, secretsAllowed, items, missing));
        });
        return new ConfigValue.Fields(map);
    }

    private ConfigValue replace(
            ConfigValue value, boolean secretsAllowed, List<PropertySpec> itemSpecs, List<String> missing) {
        if (value instanceof ConfigValue.Text t) {
            Matcher m = (secretsAllowed ? ANY_REFERENCE : ENV_REFERENCE).matcher(t.value());
            if (!m.find()) {
                return t;
            }
            m.reset();
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String secret = lookup.apply(m.group(1));
                if (secret == null) {
                    missing.add(m.group(1));
                    secret = "";
                }
                m.appendReplacement(out, Matcher.quoteReplacement(secret));
            }
            m.appendTail(out);
            return new ConfigValue.Text(out.toString());
        }
        if (value instanceof ConfigValue.Items items) {
            return new ConfigValue.Items(items.values().stream()
                    .map(v -> replace(v, secretsAllowed, itemSpecs, missing))
                    .toList());
        }
        if (value instanceof ConfigValue.Fields f) {
            if (!itemSpecs.isEmpty()) {
                return replaceFields(f, itemSpecs, missing); // a list item: its fields say where secrets go
            }
            Map<String, ConfigValue> map = new LinkedHashMap<>();
            f.values().forEach((k, v) -> map.put(k, replace(v, secretsAllowed, List.of(), missing)));
            return new ConfigValue.Fields(map);
        }
        return value;
    }

    /** The {@code NAME=value} lines of a {@code secrets.env} file. */
    public static Map<String, String> readEnvFile(Path file) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || !t.contains("=")) {
                continue;
            }
            int eq = t.indexOf('=');
            String value = t.substring(eq + 1).strip();
            if (value.length() >= 2
                    && (value.startsWith("\"") && value.endsWith("\"")
                            || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            map.put(t.substring(0, eq).strip(), value);
        }
        return map;
    }

    /** One or more referenced secrets have no value. */
    public static final class MissingSecretException extends Exception {
        private final List<String> names;

        public MissingSecretException(List<String> names) {
            super("Secret or setting" + (names.size() > 1 ? "s " : " ") + String.join(", ", names)
                    + (names.size() > 1 ? " are" : " is") + " not set: define "
                    + (names.size() > 1 ? "them" : "it") + " in the vault (switchboard secrets set NAME), the secrets"
                    + " file or the environment");
            this.names = List.copyOf(names);
        }

        public List<String> names() {
            return names;
        }
    }
}
