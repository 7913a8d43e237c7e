package dev.switchboard.runtime.cluster;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.admin.AdminApi;
import dev.switchboard.runtime.admin.AdminEndpoint;
import dev.switchboard.runtime.admin.AdminResponse;
import dev.switchboard.runtime.admin.AdminServer;
import dev.switchboard.runtime.admin.AdminToken;
import dev.switchboard.runtime.admin.FlowCounters;
import dev.switchboard.runtime.admin.FlowDeployments;
import dev.switchboard.runtime.contract.ContractSchemas;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.metrics.EndpointAnswer;
import dev.switchboard.runtime.metrics.HealthChecks;
import dev.switchboard.runtime.metrics.RuntimeMetrics;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import dev.switchboard.runtime.store.StoreSchemas;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One cluster runtime inside the test JVM, put together as {@code switchboard run --cluster} does:
 * a durable runtime on the shared PostgreSQL store with the Kafka inbox, flows followed from the
 * shared store, data contracts from its schemas folder and the shared store, metrics and readiness
 * with the cluster's parts, and the admin API over real HTTP.
 */
final class InProcessMember implements AutoCloseable {
    static final String TOKEN = "deploy-test-token";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    final DurableRuntime runtime;
    final ClusterDeployments flows;
    private final RuntimeMetrics metrics;
    private final AdminServer admin;

    private InProcessMember(
            DurableRuntime runtime, ClusterDeployments flows, RuntimeMetrics metrics, AdminServer admin) {
        this.runtime = runtime;
        this.flows = flows;
        this.metrics = metrics;
        this.admin = admin;
    }

    /** Starts a member named {@code member}, given {@code given} on its "command line". */
    static InProcessMember start(
            String member, Path dataDir, String bootstrap, String topic, String dbUrl, List<Flow> given)
            throws Exception {
        ClusterOptions options = ClusterOptions.of(bootstrap, member)
                .withTopic(topic)
                .withGroup(topic)
                .withPartitions(2)
                .withWorkers(4);
        Duration drain = Duration.ofSeconds(5);
        DurableRuntime runtime = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, dataDir, drain),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of()),
                dbUrl,
                HistoryOptions.defaults(),
                (shared, engine) -> new KafkaInbox(options, shared, engine, drain));
        // each member has a schemas folder of its own; what is registered through any admin API is in the shared store
        SchemaRegistry schemas =
                new SchemaRegistry(dataDir.resolve(SchemaRegistry.FOLDER)).withStore(new StoreSchemas(runtime.store()));
        runtime.engine().services().register(ContractSchemas.class, new ContractSchemas(schemas));
        FlowDeployments local = new FlowDeployments(runtime.engine(), null, schemas);
        ClusterDeployments flows = new ClusterDeployments(local, runtime.store(), member, Duration.ofMillis(250));
        RuntimeMetrics metrics = RuntimeMetrics.bind(runtime);
        KafkaInbox kafka = (KafkaInbox) runtime.engineInbox();
        ClusterMeters.bind(metrics, kafka, flows);
        HealthChecks health = new HealthChecks(
                runtime.engine(),
                runtime.store(),
                () -> flows.list().stream()
                        .filter(k -> k.status() == FlowDeployments.Status.RUNNING)
                        .map(k -> k.flow().id())
                        .toList());
        health.with(flows::health).with(kafka::health);
        FlowCounters counters = new FlowCounters();
        runtime.engine().addRunListener(counters);
        AdminServer admin = new AdminServer(
                        "127.0.0.1",
                        0,
                        new AdminApi(flows, runtime, counters, schemas),
                        new AdminToken(TOKEN, false, null),
                        List.of(
                                AdminEndpoint.open("/health/ready", () -> answer(health.ready())),
                                AdminEndpoint.authenticated("/metrics", () -> answer(metrics.scrape()))),
                        AdminServer.DEFAULT_MAX_BODY_BYTES)
                .start();
        for (Flow flow : flows.load(given, line -> {})) {
            flows.deployAtStart(flow);
        }
        kafka.startConsuming();
        flows.startWatching();
        return new InProcessMember(runtime, flows, metrics, admin);
    }

    private static AdminResponse answer(EndpointAnswer answer) {
        return AdminResponse.text(answer.status(), answer.contentType(), answer.body());
    }

    /** A call to this member's admin server, with the token. */
    HttpResponse<String> admin(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(admin.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A POST to one of this member's webhooks; the status it answered. */
    int post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(runtime.engine().httpBaseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        flows.close();
        admin.close();
        metrics.close();
        runtime.close();
    }
}
