package dev.switchboard.runtime.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Why the cluster's Kafka clients could not use the event log, said so an operator knows which
 * setting to change: refused credentials, a TLS handshake that failed, a user without the rights
 * it needs. Kafka's own messages name no password, and neither do these.
 */
final class KafkaAccessProblems {
    private KafkaAccessProblems() {}

    /** One line for a failure of the admin client at start. */
    static String explain(ClusterOptions options, Throwable failure) {
        String at = "Kafka at " + options.bootstrap();
        if (failure instanceof SslAuthenticationException) {
            return at + " and this runtime could not agree on TLS ("
                    + options.client().describe() + "): "
                    + withRootCause(failure) + "; check --kafka-ssl-truststore (and the keystore, if the brokers ask"
                    + " for client certificates)";
        }
        if (failure instanceof AuthenticationException) {
            return at + " refused this runtime's credentials ("
                    + options.client().describe() + "): " + failure.getMessage()
                    + "; check --kafka-sasl-username and --kafka-sasl-password";
        }
        if (failure instanceof AuthorizationException) {
            return at + " does not let this runtime's user use the event log topic '" + options.topic() + "': "
                    + failure.getMessage() + "; it needs Describe, Read and Write on the topic (Create too, unless"
                    + " the topic exists) and Read on the group '" + options.group() + "'";
        }
        return "Could not create the event log topic '" + options.topic() + "' on " + options.bootstrap() + ": "
                + failure.getMessage();
    }

    /** "SSL handshake failed" says little: the certificate problem is at the bottom of the causes. */
    private static String withRootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure || root.getMessage() == null
                ? failure.getMessage()
                : failure.getMessage() + " (" + root.getMessage() + ")";
    }

    /**
     * The user may not create topics: fine when the topic exists and the user may see it.
     *
     * @throws ExecutionException when the topic cannot be described (missing, or not allowed either)
     */
    static void requireTopic(Admin admin, String topic, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
