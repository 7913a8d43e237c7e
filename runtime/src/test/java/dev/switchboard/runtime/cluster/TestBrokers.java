package dev.switchboard.runtime.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One-node KRaft brokers in the test JVM for the cluster tests: plain, with a TLS listener, or
 * with a SASL listener whose PLAIN users are the test kit's ({@link #SASL_USER} may do anything, {@link
 * #SASL_USER_WITHOUT_ACLS} has valid credentials and no permission at all).
 */
final class TestBrokers {
    static final String SASL_USER = JaasUtils.KAFKA_PLAIN_ADMIN;
    static final String SASL_PASSWORD = JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD;
    static final String SASL_USER_WITHOUT_ACLS = JaasUtils.KAFKA_PLAIN_USER1;
    static final String SASL_USER_WITHOUT_ACLS_PASSWORD = JaasUtils.KAFKA_PLAIN_USER1_PASSWORD;
    static final String SCRAM_USER = "scram-user";
    static final String SCRAM_PASSWORD = "scram-pw-2718";

    private TestBrokers() {}

    static KafkaClusterTestKit plain() throws Exception {
        return start(SecurityProtocol.PLAINTEXT);
    }

    /**
     * The broker listener takes SASL_PLAINTEXT with mechanisms PLAIN and SCRAM-SHA-256 ({@link
     * #SCRAM_USER}, whose credentials {@link #addScramUser} stores); ACLs are enforced.
     */
    static KafkaClusterTestKit sasl() throws Exception {
        return start(
                SecurityProtocol.SASL_PLAINTEXT,
                Map.of(
                        "sasl.enabled.mechanisms",
                        "PLAIN,SCRAM-SHA-256",
                        // the test kit's JAAS file has a PLAIN section only; SCRAM's server side needs a login module
                        // too
                        "listener.name.external.scram-sha-256.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                        // the node registers with itself over the plaintext controller listener, as ANONYMOUS
                        "super.users",
                        "User:" + SASL_USER + ";User:" + SCRAM_USER + ";User:ANONYMOUS"));
    }

    /** Stores {@link #SCRAM_USER}'s SCRAM-SHA-256 credentials in the cluster's metadata. */
    static void addScramUser(KafkaClusterTestKit broker) throws Exception {
        try (Admin admin = broker.admin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                            SCRAM_USER, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), SCRAM_PASSWORD)))
                    .all()
                    .get();
        }
    }

    /** The broker listener takes SSL with the key and certificate in {@code keystore} (PKCS12). */
    static KafkaClusterTestKit tls(Path keystore, Path truststore, String password) throws Exception {
        // the test kit takes only PLAINTEXT and SASL_PLAINTEXT: its listener map is a default that a property replaces
        return start(
                SecurityProtocol.PLAINTEXT,
                Map.of(
                        "listener.security.protocol.map",
                        "EXTERNAL:SSL,CONTROLLER:PLAINTEXT",
                        "ssl.keystore.type",
                        "PKCS12",
                        "ssl.keystore.location",
                        keystore.toString(),
                        "ssl.keystore.password",
                        password,
                        "ssl.key.password",
                        password,
                        "ssl.truststore.type",
                        "PKCS12",
                        "ssl.truststore.location",
                        truststore.toString(),
                        "ssl.truststore.password",
                        password));
    }

    private static KafkaClusterTestKit start(SecurityProtocol protocol) throws Exception {
        return start(protocol, Map.of());
    }

    private static KafkaClusterTestKit start(SecurityProtocol protocol, Map<String, String> more) throws Exception {
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .setBrokerSecurityProtocol(protocol)
                        .build())
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                // a test broker on a shared 2-core machine: fewer threads start and stop faster
                .setConfigProp("num.io.threads", "2")
                .setConfigProp("num.network.threads", "1")
                .setConfigProp("background.threads", "2");
        more.forEach(builder::setConfigProp);
        KafkaClusterTestKit broker = builder.build();
        broker.format();
        broker.startup();
        broker.waitForReadyBrokers();
        return broker;
    }
}
