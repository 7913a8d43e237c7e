package dev.switchboard.runtime.cli;

import dev.switchboard.runtime.cluster.KafkaClientProperties;
import dev.switchboard.runtime.cluster.KafkaClientSecurity;
import dev.switchboard.runtime.secrets.OwnerOnly;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code run --cluster}'s Kafka client settings: TLS, SASL and any client property, for the
 * cluster's own producer, consumer and admin client (docs/scaling.md#security). A password given
 * on the command line or in the {@code --config} file must be a {@code {{secret:NAME}}} or
 * {@code {{env:NAME}}} reference, so no committed file and no process list holds it; only its
 * {@code SWITCHBOARD_*} environment variable, or a Kafka client file of {@code --kafka-config},
 * may hold it in clear.
 */
final class KafkaClientCliOptions {
    private static final String REFERENCE_HINT =
            "{{secret:NAME}} (stored with: switchboard secrets set NAME) or {{env:NAME}}";

    @Option(
            names = "--kafka-security-protocol",
            paramLabel = "PROTOCOL",
            description =
                    "How the cluster's Kafka clients connect: PLAINTEXT (default), SSL, SASL_PLAINTEXT or SASL_SSL.")
    String securityProtocol;

    @Option(
            names = "--kafka-sasl-mechanism",
            paramLabel = "MECHANISM",
            description = "SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 (with --kafka-sasl-username and"
                    + " --kafka-sasl-password); GSSAPI or OAUTHBEARER with a sasl.jaas.config property.")
    String saslMechanism;

    @Option(names = "--kafka-sasl-username", paramLabel = "USER", description = "SASL username.")
    String saslUsername;

    @Option(
            names = "--kafka-sasl-password",
            paramLabel = "REF",
            description = "SASL password, as a reference: " + REFERENCE_HINT + ".")
    String saslPassword;

    @Option(
            names = "--kafka-ssl-truststore",
            paramLabel = "FILE",
            description = "Truststore (JKS or PKCS12) with the CA of the brokers' certificates; default: the JVM's.")
    Path truststore;

    @Option(
            names = "--kafka-ssl-truststore-password",
            paramLabel = "REF",
            description = "The truststore's password, as a reference.")
    String truststorePassword;

    @Option(
            names = "--kafka-ssl-keystore",
            paramLabel = "FILE",
            description =
                    "Keystore (JKS or PKCS12) with this runtime's client certificate, for brokers that ask for one.")
    Path keystore;

    @Option(
            names = "--kafka-ssl-keystore-password",
            paramLabel = "REF",
            description = "The keystore's password, as a reference.")
    String keystorePassword;

    @Option(
            names = "--kafka-ssl-key-password",
            paramLabel = "REF",
            description = "The private key's password, when it differs from the keystore's; as a reference.")
    String keyPassword;

    @Option(
            names = "--kafka-config",
            paramLabel = "FILE",
            description = "A Kafka client .properties file (security.protocol, sasl.*, ssl.*, tuning) for the"
                    + " cluster's clients; values may be references; keep it owner-only if it holds a password.")
    Path clientFile;

    @Option(
            names = "--kafka-property",
            paramLabel = "KEY=VALUE",
            description = "One Kafka client property for the cluster's clients (repeatable); wins over"
                    + " --kafka-config. A password property's value must be a reference.")
    Map<String, String> properties = new LinkedHashMap<>();

    /** Whether any of these options was given. */
    boolean given() {
        return securityProtocol != null
                || saslMechanism != null
                || saslUsername != null
                || saslPassword != null
                || truststore != null
                || truststorePassword != null
                || keystore != null
                || keystorePassword != null
                || keyPassword != null
                || clientFile != null
                || !properties.isEmpty();
    }

    /**
     * The client properties, references resolved.
     *
     * @param run the {@code run} command: where each value came from
     * @param warnings one line each (a client file others may read)
     * @throws CommandFailure one line: what to change
     */
    KafkaClientProperties resolve(CommandSpec run, SecretResolver secrets, Consumer<String> warnings) {
        requireReference(run, "--kafka-sasl-password", saslPassword);
        requireReference(run, "--kafka-ssl-truststore-password", truststorePassword);
        requireReference(run, "--kafka-ssl-keystore-password", keystorePassword);
        requireReference(run, "--kafka-ssl-key-password", keyPassword);
        properties.forEach((key, value) -> {
            if (KafkaClientProperties.secret(key)) {
                requireReference(run, "--kafka-property " + key, "--kafka-property", value);
            }
        });
        try {
            Map<String, String> file = clientFile == null ? Map.of() : KafkaClientSecurity.readFile(clientFile);
            if (file.keySet().stream().anyMatch(KafkaClientProperties::secret)) {
                warnIfOthersMayRead(warnings);
            }
            return KafkaClientSecurity.resolve(
                    new KafkaClientSecurity.Settings(
                            securityProtocol,
                            saslMechanism,
                            saslUsername,
                            saslPassword,
                            truststore,
                            truststorePassword,
                            keystore,
                            keystorePassword,
                            keyPassword,
                            file,
                            properties),
                    secrets);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }

    private void warnIfOthersMayRead(Consumer<String> warnings) {
        try {
            OwnerOnly.othersMayRead(clientFile)
                    .ifPresent(exposure -> warnings.accept("Warning: the Kafka client config file " + clientFile
                            + " holds a password and is " + exposure + "; run: chmod 600 " + clientFile
                            + " (or write the password as " + REFERENCE_HINT + ")"));
        } catch (IOException e) {
            warnings.accept("Warning: cannot tell who may read the Kafka client config file " + clientFile + ": "
                    + e.getMessage());
        }
    }

    private static void requireReference(CommandSpec run, String option, String value) {
        requireReference(run, option, option, value);
    }

    /** A password in clear is refused unless its environment variable holds it. */
    private static void requireReference(CommandSpec run, String what, String optionName, String value) {
        if (value == null || SecretResolver.LOOSE_REFERENCE.matcher(value).find()) {
            return;
        }
        OptionSpec option = run.findOption(optionName);
        boolean onCommandLine = run.commandLine() != null
                && run.commandLine().getParseResult() != null
                && run.commandLine().getParseResult().hasMatchedOption(option);
        boolean fromEnvironment = !onCommandLine
                && run.defaultValueProvider() instanceof OptionDefaults defaults
                && defaults.fromEnvironment(option);
        if (!fromEnvironment) {
            throw new CommandFailure(what + " takes a reference, not the password itself: " + REFERENCE_HINT
                    + ", or its variable " + OptionDefaults.environmentName(option) + " (the command line is"
                    + " visible to every user of the machine, and the config file is often committed)");
        }
    }
}
