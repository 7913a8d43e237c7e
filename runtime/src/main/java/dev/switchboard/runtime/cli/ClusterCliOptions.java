package dev.switchboard.runtime.cli;

import dev.switchboard.runtime.admin.DeployedFlows;
import dev.switchboard.runtime.admin.FlowDeployments;
import dev.switchboard.runtime.cluster.ClusterDeployments;
import dev.switchboard.runtime.cluster.ClusterMeters;
import dev.switchboard.runtime.cluster.ClusterOptions;
import dev.switchboard.runtime.cluster.KafkaClientProperties;
import dev.switchboard.runtime.cluster.KafkaInbox;
import dev.switchboard.runtime.cluster.KafkaPubSub;
import dev.switchboard.runtime.cluster.TriggerLeases;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.metrics.HealthChecks;
import dev.switchboard.runtime.metrics.RuntimeMetrics;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code run --cluster}: several runtimes share the work over Kafka (the event log of push
 * triggers' events) and the shared PostgreSQL store (run history, dead letters, dedupe, retries
 * and the leases of pull triggers). See docs/scaling.md.
 */
final class ClusterCliOptions {
    private volatile TriggerLeases leases;
    private volatile ClusterDeployments flows;
    private KafkaClientProperties client = KafkaClientProperties.NONE;

    @Mixin
    KafkaClientCliOptions kafkaClient = new KafkaClientCliOptions();

    @Option(
            names = "--cluster",
            description = "Share the work with the other runtimes of a cluster: push triggers' events go to a Kafka"
                    + " topic every runtime consumes (needs --kafka and a PostgreSQL --db); each pull trigger"
                    + " runs in one runtime at a time. Off by default.")
    boolean enabled;

    @Option(
            names = "--kafka",
            paramLabel = "BOOTSTRAP",
            description =
                    "Kafka bootstrap servers of the cluster's event log (host:port[,host:port…]); with --cluster.")
    String bootstrap;

    @Option(
            names = "--kafka-topic",
            defaultValue = ClusterOptions.DEFAULT_TOPIC,
            description = "The cluster's event log topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(
            names = "--kafka-group",
            defaultValue = ClusterOptions.DEFAULT_GROUP,
            description = "The consumer group every runtime of the cluster joins (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(
            names = "--kafka-partitions",
            defaultValue = "" + ClusterOptions.DEFAULT_PARTITIONS,
            converter = OptionConverters.PositiveInt.class,
            description = "Partitions of the event log when this runtime creates it: the most runtimes that consume"
                    + " at once (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
            names = "--cluster-workers",
            defaultValue = "" + ClusterOptions.DEFAULT_WORKERS,
            converter = OptionConverters.PositiveInt.class,
            description = "Events of the event log this runtime runs at once (default: ${DEFAULT-VALUE}).")
    int workers;

    /** A usage mistake as one line, before anything starts. */
    void check(String dbUrl) {
        if (!enabled) {
            if (bootstrap != null) {
                throw new CommandFailure("--kafka is the event log of a cluster: give --cluster as well");
            }
            if (kafkaClient.given()) {
                throw new CommandFailure(
                        "--kafka-security-protocol, --kafka-sasl-*, --kafka-ssl-*, --kafka-config and --kafka-property"
                                + " are for the cluster's event log: give --cluster as well");
            }
            return;
        }
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new CommandFailure("--cluster needs --kafka BOOTSTRAP (the Kafka servers of the event log)");
        }
        if (dbUrl == null || !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new CommandFailure("--cluster needs the shared store on PostgreSQL: --db jdbc:postgresql://HOST/DB"
                    + (dbUrl == null ? "" : " (got a store only one runtime can use)"));
        }
    }

    /**
     * Resolves the Kafka clients' security settings once the secrets are known, before anything starts.
     *
     * @throws CommandFailure when they cannot work
     */
    void resolveKafkaClient(CommandSpec run, SecretResolver secrets, Consumer<String> warnings) {
        if (enabled) {
            client = kafkaClient.resolve(run, secrets, warnings);
        }
    }

    /** This runtime's name in the cluster's leases and Kafka client ids: host and process id. */
    private static String member() {
        String host = System.getenv().getOrDefault("HOSTNAME", "host");
        return host + "-" + ProcessHandle.current().pid();
    }

    ClusterOptions options() {
        return ClusterOptions.of(bootstrap, member())
                .withTopic(topic)
                .withGroup(group)
                .withPartitions(partitions)
                .withWorkers(workers)
                .withClient(client);
    }

    DurableRuntime.InboxChoice inboxChoice(Duration drainTimeout) {
        if (!enabled) {
            return DurableRuntime.InboxChoice.STORE;
        }
        ClusterOptions options = options();
        return (shared, engine) -> new KafkaInbox(options, shared, engine, drainTimeout);
    }

    /**
     * Before flows deploy: pull triggers run only while this runtime holds their lease, and
     * event.publish / event.subscribe travel over Kafka.
     */
    void gatePullTriggers(DurableRuntime runtime) {
        if (!enabled) {
            return;
        }
        ClusterOptions options = runtime.engineInbox() instanceof KafkaInbox kafka ? kafka.options() : options();
        TriggerLeases leases =
                new TriggerLeases(runtime.store(), options.member(), options.leaseTtl(), options.leaseRenewEvery());
        runtime.closeAfterEngine(leases);
        runtime.engine()
                .gatePullTriggers(
                        runtime.engineInbox() instanceof KafkaInbox kafka
                                ? KafkaPubSub.install(runtime.engine(), kafka, leases)
                                : leases);
        this.leases = leases;
    }

    /**
     * The flows this runtime knows: its own (deploys kept in {@code local}'s folder), or in cluster
     * mode the cluster's, kept in the shared store, which every runtime follows.
     */
    DeployedFlows deployments(FlowDeployments local, DurableRuntime runtime) {
        if (!enabled) {
            return local;
        }
        ClusterOptions options = runtime.engineInbox() instanceof KafkaInbox kafka ? kafka.options() : options();
        ClusterDeployments cluster =
                new ClusterDeployments(local, runtime.store(), options.member(), ClusterDeployments.DEFAULT_POLL_EVERY);
        this.flows = cluster;
        return cluster;
    }

    /**
     * The flows to deploy at start: those given, or in cluster mode the cluster's running ones (the
     * given ones stored first when the cluster does not know them yet; stopped ones kept stopped).
     */
    List<Flow> startingFlows(List<Flow> given, Consumer<String> lines) throws SQLException, FlowCompileException {
        ClusterDeployments cluster = flows;
        return cluster == null ? given : cluster.load(given, lines);
    }

    /** {@code /metrics} also shows the partitions this runtime consumes, their lag, and the flows' revisions. */
    void addMetrics(RuntimeMetrics metrics, DurableRuntime runtime) {
        if (runtime.engineInbox() instanceof KafkaInbox kafka) {
            ClusterMeters.bind(metrics, kafka, flows);
        }
    }

    /** {@code /health/ready} also says which partitions this runtime consumes, their lag, and the pull triggers it runs. */
    void addHealth(HealthChecks health, DurableRuntime runtime) {
        if (!(runtime.engineInbox() instanceof KafkaInbox kafka)) {
            return;
        }
        ClusterDeployments cluster = flows;
        if (cluster != null) {
            health.with(cluster::health);
        }
        health.with(() -> {
            HealthChecks.Check check = kafka.health();
            TriggerLeases held = leases;
            if (!check.isUp() || held == null) {
                return check;
            }
            List<String> running = held.running();
            List<String> subscribers = KafkaPubSub.of(runtime.engine())
                    .map(KafkaPubSub::subscribers)
                    .orElse(List.of());
            return HealthChecks.Check.up(
                    check.name(),
                    check.detail() + "; pull triggers here: "
                            + (running.isEmpty() ? "none" : String.join(", ", running))
                            + (subscribers.isEmpty() ? "" : "; subscribers here: " + String.join("; ", subscribers)));
        });
    }

    /** Once the flows are deployed: this runtime joins the consumer group and follows the cluster's flow changes. */
    void startConsuming(DurableRuntime runtime) {
        if (runtime.engineInbox() instanceof KafkaInbox kafka) {
            kafka.startConsuming();
        }
        ClusterDeployments cluster = flows;
        if (cluster != null) {
            cluster.startWatching();
        }
    }
}
