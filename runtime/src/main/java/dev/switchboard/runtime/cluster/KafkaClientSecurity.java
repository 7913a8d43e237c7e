package dev.switchboard.runtime.cluster;

import dev.switchboard.runtime.secrets.SecretResolver;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * Turns what an operator gives for the cluster's Kafka clients — the security options, a Kafka
 * client {@code .properties} file, single properties — into {@link KafkaClientProperties}:
 * {@code {{secret:NAME}}} and {@code {{env:NAME}}} references resolved, a SASL username and
 * password made into {@code sasl.jaas.config}, and every combination that cannot work refused
 * with a message that names what to change (and never a password).
 */
public final class KafkaClientSecurity {
    static final List<String> PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    static final List<String> MECHANISMS = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "GSSAPI", "OAUTHBEARER");

    /** Set by Switchboard itself: the cluster's guarantees rest on them, or an option of its own says them. */
    private static final Map<String, String> MANAGED = Map.ofEntries(
            Map.entry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "give the servers with --kafka"),
            Map.entry(CommonClientConfigs.GROUP_ID_CONFIG, "give the group with --kafka-group"),
            Map.entry(CommonClientConfigs.CLIENT_ID_CONFIG, "Switchboard names its clients after the runtime"),
            Map.entry("enable.auto.commit", "offsets are committed once the events ran"),
            Map.entry("auto.offset.reset", "a new group reads the event log from its start"),
            Map.entry("isolation.level", "the event log is read committed"),
            Map.entry("enable.idempotence", "events are appended idempotently"),
            Map.entry("acks", "an event is acknowledged by all in-sync replicas before the 202"),
            Map.entry("transactional.id", "the event log is written without transactions"),
            Map.entry("key.serializer", "records are text"),
            Map.entry("value.serializer", "records are text"),
            Map.entry("key.deserializer", "records are text"),
            Map.entry("value.deserializer", "records are text"));

    private KafkaClientSecurity() {}

    /**
     * What was given; null or empty: not given. Passwords may be written as references.
     *
     * @param fileProperties the properties of a Kafka client file ({@code --kafka-config})
     * @param properties single properties ({@code --kafka-property}); they win over the file's
     */
    public record Settings(
            String securityProtocol,
            String saslMechanism,
            String saslUsername,
            String saslPassword,
            Path truststore,
            String truststorePassword,
            Path keystore,
            String keystorePassword,
            String keyPassword,
            Map<String, String> fileProperties,
            Map<String, String> properties) {
        public Settings {
            fileProperties = Map.copyOf(fileProperties);
            properties = Map.copyOf(properties);
        }
    }

    /**
     * Reads a Kafka client properties file.
     *
     * @throws IllegalArgumentException naming the file when it is missing or unreadable
     */
    public static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("The Kafka client config file " + file + " does not exist", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Cannot read the Kafka client config file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            values.put(key, properties.getProperty(key).trim());
        }
        return values;
    }

    /**
     * The client properties, references resolved and combinations checked.
     *
     * @throws IllegalArgumentException one line: what is wrong and what to give instead
     */
    public static KafkaClientProperties resolve(Settings settings, SecretResolver secrets) {
        Map<String, String> merged = new LinkedHashMap<>();
        settings.fileProperties().forEach((key, value) -> {
            checkKey(key, "in the Kafka client config file");
            merged.put(key, resolveReferences(key, value, secrets));
        });
        settings.properties().forEach((key, value) -> {
            checkKey(key, "given with --kafka-property");
            merged.put(key, resolveReferences(key, value, secrets));
        });
        Map<String, String> options = new LinkedHashMap<>();
        if (settings.securityProtocol() != null) {
            options.put(
                    CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                    oneOf(settings.securityProtocol(), PROTOCOLS, "security protocol", "--kafka-security-protocol"));
        }
        if (settings.saslMechanism() != null) {
            options.put(
                    SaslConfigs.SASL_MECHANISM,
                    oneOf(settings.saslMechanism(), MECHANISMS, "SASL mechanism", "--kafka-sasl-mechanism"));
        }
        credentials(settings, merged, options, secrets);
        option(options, SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, settings.truststore());
        option(options, SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, settings.keystore());
        secretOption(options, SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, settings.truststorePassword(), secrets);
        secretOption(options, SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, settings.keystorePassword(), secrets);
        secretOption(options, SslConfigs.SSL_KEY_PASSWORD_CONFIG, settings.keyPassword(), secrets);
        options.forEach((key, value) -> {
            String earlier = merged.put(key, value);
            if (earlier != null && !earlier.equals(value)) {
                throw new IllegalArgumentException(key + " is given twice, by an option and as a Kafka property"
                        + " with another value: give it once");
            }
        });
        checkCombination(merged);
        return new KafkaClientProperties(merged);
    }

    private static void checkKey(String key, String where) {
        if (!KafkaClientProperties.known(key)) {
            throw new IllegalArgumentException("Unknown Kafka client property '" + key + "' " + where
                    + ": the producer, consumer and admin client know none of that name");
        }
        if (MANAGED.containsKey(key)) {
            throw new IllegalArgumentException("The Kafka client property '" + key + "' " + where
                    + " is set by Switchboard (" + MANAGED.get(key) + ")");
        }
    }

    /** A SASL username and password become the mechanism's {@code sasl.jaas.config}. */
    private static void credentials(
            Settings settings, Map<String, String> merged, Map<String, String> options, SecretResolver secrets) {
        boolean user = settings.saslUsername() != null;
        boolean password = settings.saslPassword() != null;
        if (!user && !password) {
            return;
        }
        if (user != password) {
            throw new IllegalArgumentException("--kafka-sasl-username and --kafka-sasl-password go together: give "
                    + (user ? "the password" : "the username") + " as well");
        }
        if (merged.containsKey(SaslConfigs.SASL_JAAS_CONFIG)) {
            throw new IllegalArgumentException("Give either --kafka-sasl-username and --kafka-sasl-password or a"
                    + " sasl.jaas.config property, not both");
        }
        String mechanism = options.getOrDefault(SaslConfigs.SASL_MECHANISM, merged.get(SaslConfigs.SASL_MECHANISM));
        String module;
        if ("PLAIN".equals(mechanism)) {
            module = "org.apache.kafka.common.security.plain.PlainLoginModule";
        } else if (mechanism != null && mechanism.startsWith("SCRAM-SHA-")) {
            module = "org.apache.kafka.common.security.scram.ScramLoginModule";
        } else {
            throw new IllegalArgumentException("--kafka-sasl-username and --kafka-sasl-password need"
                    + " --kafka-sasl-mechanism PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512"
                    + (mechanism == null ? "" : " (mechanism " + mechanism + " takes a sasl.jaas.config property)"));
        }
        String username = resolveReferences("--kafka-sasl-username", settings.saslUsername(), secrets);
        String secret = resolveReferences("--kafka-sasl-password", settings.saslPassword(), secrets);
        options.put(
                SaslConfigs.SASL_JAAS_CONFIG,
                module + " required username=\"" + jaasQuoted(username) + "\" password=\"" + jaasQuoted(secret)
                        + "\";");
    }

    /** A JAAS option value between double quotes: backslashes and quotes escaped. */
    private static String jaasQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void option(Map<String, String> options, String key, Path value) {
        if (value != null) {
            options.put(key, value.toAbsolutePath().normalize().toString());
        }
    }

    private static void secretOption(Map<String, String> options, String key, String value, SecretResolver secrets) {
        if (value != null) {
            options.put(key, resolveReferences(key, value, secrets));
        }
    }

    private static String oneOf(String given, List<String> allowed, String what, String option) {
        String value = given.trim().toUpperCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(
                    "Unknown " + what + " '" + given + "' (" + option + "): one of " + String.join(", ", allowed));
        }
        return value;
    }

    /**
     * {@code {{secret:NAME}}} and {@code {{env:NAME}}} replaced by their values; the message of a
     * missing one names the reference, never the text around it.
     */
    static String resolveReferences(String key, String value, SecretResolver secrets) {
        Matcher m = SecretResolver.LOOSE_REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            String name = m.group(2).trim();
            if (!SecretResolver.NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("The reference {{" + m.group(1) + ":" + name + "}} in " + key
                        + " names no valid secret or setting: letters, digits and _, not starting with a digit");
            }
            String resolved = secrets.value(name).orElse(null);
            if (resolved == null) {
                missing.add(name);
                resolved = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        m.appendTail(out);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    new SecretResolver.MissingSecretException(missing).getMessage() + " (referenced in " + key + ")");
        }
        return out.toString();
    }

    /** What cannot work together, said before any client tries. */
    private static void checkCombination(Map<String, String> properties) {
        String protocol = properties
                .getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT")
                .toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException(
                    "Unknown security.protocol '" + protocol + "': one of " + String.join(", ", PROTOCOLS));
        }
        boolean sasl = protocol.startsWith("SASL_");
        boolean tls = protocol.endsWith("SSL");
        Set<String> saslKeys = keysStartingWith(properties, "sasl.");
        if (!sasl && !saslKeys.isEmpty()) {
            throw new IllegalArgumentException("SASL settings (" + String.join(", ", saslKeys) + ") need"
                    + " --kafka-security-protocol SASL_PLAINTEXT or SASL_SSL (it is " + protocol + ")");
        }
        Set<String> sslKeys = keysStartingWith(properties, "ssl.");
        if (!tls && !sslKeys.isEmpty()) {
            throw new IllegalArgumentException("TLS settings (" + String.join(", ", sslKeys) + ") need"
                    + " --kafka-security-protocol SSL or SASL_SSL (it is " + protocol + ")");
        }
        if (sasl) {
            String mechanism = properties.get(SaslConfigs.SASL_MECHANISM);
            if (mechanism == null) {
                throw new IllegalArgumentException("Security protocol " + protocol + " needs --kafka-sasl-mechanism:"
                        + " PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 with --kafka-sasl-username and"
                        + " --kafka-sasl-password (GSSAPI or OAUTHBEARER with a sasl.jaas.config property)");
            }
            if (!properties.containsKey(SaslConfigs.SASL_JAAS_CONFIG)) {
                throw new IllegalArgumentException("SASL mechanism " + mechanism + " needs credentials: "
                        + ("PLAIN".equals(mechanism) || mechanism.startsWith("SCRAM-")
                                ? "--kafka-sasl-username and --kafka-sasl-password, or a sasl.jaas.config property"
                                : "a sasl.jaas.config property"));
            }
        }
        readableFile(properties, SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, "truststore");
        readableFile(properties, SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, "keystore");
        if (properties.containsKey(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG)
                && !properties.containsKey(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG)
                && !"PEM".equalsIgnoreCase(properties.get(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG))) {
            throw new IllegalArgumentException("The keystore needs its password: --kafka-ssl-keystore-password");
        }
    }

    private static Set<String> keysStartingWith(Map<String, String> properties, String prefix) {
        Set<String> keys = new TreeSet<>();
        properties.keySet().stream().filter(k -> k.startsWith(prefix)).forEach(keys::add);
        return keys;
    }

    private static void readableFile(Map<String, String> properties, String key, String what) {
        String location = properties.get(key);
        if (location == null) {
            return;
        }
        Path file = Path.of(location);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The " + what + " " + location + " (" + key + ") does not exist");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("The " + what + " " + location + " (" + key + ") cannot be read");
        }
    }
}
