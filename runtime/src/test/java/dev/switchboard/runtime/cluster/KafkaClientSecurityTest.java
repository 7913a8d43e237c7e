package dev.switchboard.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.secrets.SecretResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the cluster's Kafka clients get from the security settings, and the combinations refused. */
class KafkaClientSecurityTest {
    private static final String PASSWORD = "s3cr\"et\\pw";
    private static final SecretResolver SECRETS = SecretResolver.of(Map.of("KAFKA_PASSWORD", PASSWORD));

    @TempDir
    Path dir;

    private static KafkaClientSecurity.Settings settings(
            String protocol, String mechanism, String user, String password, Map<String, String> properties) {
        return new KafkaClientSecurity.Settings(
                protocol, mechanism, user, password, null, null, null, null, null, Map.of(), properties);
    }

    private static KafkaClientProperties resolve(KafkaClientSecurity.Settings settings) {
        return KafkaClientSecurity.resolve(settings, SECRETS);
    }

    @Test
    void scramCredentialsBecomeTheJaasConfigWithTheSecretResolvedAndNeverShown() {
        KafkaClientProperties client =
                resolve(settings("sasl_ssl", "SCRAM-SHA-512", "switchboard", "{{secret:KAFKA_PASSWORD}}", Map.of()));

        Properties producer = new Properties();
        client.applyTo(producer, KafkaClientProperties.Client.PRODUCER);
        assertThat(producer)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"switchboard\""
                                + " password=\"s3cr\\\"et\\\\pw\";");
        assertThat(client.toString()).doesNotContain("s3cr").contains("sasl.jaas.config=[hidden]");
        assertThat(client.describe()).isEqualTo("security SASL_SSL, SASL SCRAM-SHA-512");
    }

    @Test
    void eachClientGetsOnlyThePropertiesItKnows() {
        KafkaClientProperties client = resolve(settings(
                null,
                null,
                null,
                null,
                Map.of("max.poll.records", "50", "linger.ms", "5", "request.timeout.ms", "9000")));

        Properties consumer = new Properties();
        client.applyTo(consumer, KafkaClientProperties.Client.CONSUMER);
        Properties producer = new Properties();
        client.applyTo(producer, KafkaClientProperties.Client.PRODUCER);
        assertThat(consumer).containsOnlyKeys("max.poll.records", "request.timeout.ms");
        assertThat(producer).containsOnlyKeys("linger.ms", "request.timeout.ms");
    }

    @Test
    void aClientFilesPropertiesAreResolvedAndSinglePropertiesWinOverThem() {
        KafkaClientProperties client = KafkaClientSecurity.resolve(
                new KafkaClientSecurity.Settings(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Map.of(
                                "security.protocol", "SASL_PLAINTEXT",
                                "sasl.mechanism", "PLAIN",
                                "sasl.jaas.config",
                                        "org.apache.kafka.common.security.plain.PlainLoginModule required"
                                                + " username=\"a\" password=\"{{secret:KAFKA_PASSWORD}}\";",
                                "linger.ms", "1"),
                        Map.of("linger.ms", "7")),
                SECRETS);

        Properties producer = new Properties();
        client.applyTo(producer, KafkaClientProperties.Client.PRODUCER);
        assertThat(producer.getProperty("sasl.jaas.config")).contains("password=\"" + PASSWORD + "\"");
        assertThat(producer).containsEntry("linger.ms", "7");
    }

    @Test
    void saslNeedsASaslProtocolAMechanismAndCredentials() {
        assertThatThrownBy(() -> resolve(settings(null, "PLAIN", "u", "{{secret:KAFKA_PASSWORD}}", Map.of())))
                .hasMessage("SASL settings (sasl.jaas.config, sasl.mechanism) need --kafka-security-protocol"
                        + " SASL_PLAINTEXT or SASL_SSL (it is PLAINTEXT)");
        assertThatThrownBy(() -> resolve(settings("SASL_SSL", null, null, null, Map.of())))
                .hasMessageStartingWith("Security protocol SASL_SSL needs --kafka-sasl-mechanism");
        assertThatThrownBy(() -> resolve(settings("SASL_PLAINTEXT", "SCRAM-SHA-256", null, null, Map.of())))
                .hasMessage("SASL mechanism SCRAM-SHA-256 needs credentials: --kafka-sasl-username and"
                        + " --kafka-sasl-password, or a sasl.jaas.config property");
        assertThatThrownBy(() -> resolve(settings("SASL_PLAINTEXT", "PLAIN", "u", null, Map.of())))
                .hasMessage("--kafka-sasl-username and --kafka-sasl-password go together: give the password as well");
        assertThatThrownBy(() -> resolve(settings("SASL_PLAINTEXT", "GSSAPI", "u", "{{env:X}}", Map.of())))
                .hasMessageContaining("need --kafka-sasl-mechanism PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512");
        assertThatThrownBy(() -> resolve(settings(
                        "SASL_PLAINTEXT",
                        "PLAIN",
                        "u",
                        "{{secret:KAFKA_PASSWORD}}",
                        Map.of("sasl.jaas.config", "{{secret:KAFKA_PASSWORD}}"))))
                .hasMessage("Give either --kafka-sasl-username and --kafka-sasl-password or a sasl.jaas.config"
                        + " property, not both");
        assertThatThrownBy(() -> resolve(settings("SASL_TLS", null, null, null, Map.of())))
                .hasMessage("Unknown security protocol 'SASL_TLS' (--kafka-security-protocol): one of PLAINTEXT, SSL,"
                        + " SASL_PLAINTEXT, SASL_SSL");
        assertThatThrownBy(() -> resolve(settings("SASL_SSL", "SCRAM-SHA-1", null, null, Map.of())))
                .hasMessageStartingWith("Unknown SASL mechanism 'SCRAM-SHA-1'");
    }

    @Test
    void tlsSettingsNeedATlsProtocolAndReadableStores() throws Exception {
        Path truststore = Files.writeString(dir.resolve("truststore.p12"), "not really a store");
        assertThatThrownBy(() -> resolve(new KafkaClientSecurity.Settings(
                        "SASL_PLAINTEXT",
                        "PLAIN",
                        "u",
                        "{{secret:KAFKA_PASSWORD}}",
                        truststore,
                        null,
                        null,
                        null,
                        null,
                        Map.of(),
                        Map.of())))
                .hasMessage("TLS settings (ssl.truststore.location) need --kafka-security-protocol SSL or SASL_SSL"
                        + " (it is SASL_PLAINTEXT)");
        Path missing = dir.resolve("missing.p12");
        assertThatThrownBy(() -> resolve(new KafkaClientSecurity.Settings(
                        "SSL", null, null, null, missing, null, null, null, null, Map.of(), Map.of())))
                .hasMessage("The truststore " + missing + " (ssl.truststore.location) does not exist");
        assertThatThrownBy(() -> resolve(new KafkaClientSecurity.Settings(
                        "SSL", null, null, null, truststore, null, truststore, null, null, Map.of(), Map.of())))
                .hasMessage("The keystore needs its password: --kafka-ssl-keystore-password");

        KafkaClientProperties client = resolve(new KafkaClientSecurity.Settings(
                "SSL",
                null,
                null,
                null,
                truststore,
                "{{secret:KAFKA_PASSWORD}}",
                null,
                null,
                null,
                Map.of(),
                Map.of()));
        assertThat(client.redacted())
                .containsEntry("ssl.truststore.location", truststore.toString())
                .containsEntry("ssl.truststore.password", "[hidden]");
    }

    @Test
    void unknownAndSwitchboardsOwnPropertiesAreRefused() {
        assertThatThrownBy(() -> resolve(settings(null, null, null, null, Map.of("sasl.mechansim", "PLAIN"))))
                .hasMessage("Unknown Kafka client property 'sasl.mechansim' given with --kafka-property: the"
                        + " producer, consumer and admin client know none of that name");
        assertThatThrownBy(() -> resolve(settings(null, null, null, null, Map.of("enable.auto.commit", "true"))))
                .hasMessage("The Kafka client property 'enable.auto.commit' given with --kafka-property is set by"
                        + " Switchboard (offsets are committed once the events ran)");
        assertThatThrownBy(() -> resolve(settings("SSL", null, null, null, Map.of("security.protocol", "SASL_SSL"))))
                .hasMessage("security.protocol is given twice, by an option and as a Kafka property with another"
                        + " value: give it once");
    }

    @Test
    void aMissingSecretIsNamedAndNoValueIsShown() {
        assertThatThrownBy(() -> resolve(settings("SASL_SSL", "PLAIN", "u", "{{secret:NOT_SET}}", Map.of())))
                .hasMessageContaining("NOT_SET is not set")
                .hasMessageContaining("(referenced in --kafka-sasl-password)");
        assertThatThrownBy(() -> resolve(settings("SASL_SSL", "PLAIN", "u", "{{secret:9bad}}", Map.of())))
                .hasMessageContaining("{{secret:9bad}} in --kafka-sasl-password names no valid secret");
    }
}
