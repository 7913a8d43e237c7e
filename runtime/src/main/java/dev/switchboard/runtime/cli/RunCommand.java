package dev.switchboard.runtime.cli;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.admin.AdminApi;
import dev.switchboard.runtime.admin.AdminEndpoint;
import dev.switchboard.runtime.admin.AdminResponse;
import dev.switchboard.runtime.admin.AdminServer;
import dev.switchboard.runtime.admin.AdminToken;
import dev.switchboard.runtime.admin.DeployedFlows;
import dev.switchboard.runtime.admin.FlowCounters;
import dev.switchboard.runtime.admin.FlowDeployments;
import dev.switchboard.runtime.broker.DevBroker;
import dev.switchboard.runtime.contract.ContractSchemas;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.metrics.EndpointAnswer;
import dev.switchboard.runtime.metrics.HealthChecks;
import dev.switchboard.runtime.metrics.RuntimeMetrics;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.HistoryLevel;
import dev.switchboard.runtime.policy.CentralPolicies;
import dev.switchboard.runtime.policy.PolicyFileException;
import dev.switchboard.runtime.secrets.OwnerOnly;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.secrets.SecretSources;
import dev.switchboard.runtime.secrets.SecretVault;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import dev.switchboard.runtime.store.Store;
import dev.switchboard.runtime.store.StoreOwnership;
import dev.switchboard.runtime.store.StoreSchemas;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code switchboard run <files or folders>}: runs flows until SIGTERM or Ctrl-C. */
@Command(name = "run", description = "Starts the flows in the given files or folders and runs them until stopped.")
final class RunCommand implements Callable<Integer> {
    /**
     * System property: when true, {@code run} stops as soon as it has started (exit code 0). The
     * launchers' {@code cds} command starts the runtime this way once to record which classes a start
     * loads (the class data archive).
     */
    static final String EXIT_WHEN_STARTED = "switchboard.run.exitWhenStarted";

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "0..*",
            paramLabel = "PATH",
            description = "Flow files (*.flow.json) or folders holding them. None: only the flows deployed through the"
                    + " admin API (kept in <data>/flows), possibly none yet.")
    List<Path> paths = List.of();

    @Option(
            names = "--port",
            defaultValue = "" + EngineOptions.DEFAULT_HTTP_PORT,
            converter = OptionConverters.PortOrFree.class,
            description = "Port for webhooks (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Address webhooks bind to (default: ${DEFAULT-VALUE}).")
    String host;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    ClusterCliOptions cluster = new ClusterCliOptions();

    @Option(
            names = "--snapshot-size",
            defaultValue = "8192",
            converter = OptionConverters.PositiveInt.class,
            description = "Longest stored input/output snapshot per node, in characters (default: ${DEFAULT-VALUE}).")
    int snapshotSize;

    @Option(
            names = "--history",
            defaultValue = "errors",
            converter = OptionConverters.History.class,
            description = "Run history kept for flows whose settings.history does not say: full (every node's input"
                    + " and output), errors (every run and its path; input and output only for runs in which a node"
                    + " failed), summary (runs and paths only) or off (none). Dead letters and retries do not depend"
                    + " on it (default: ${DEFAULT-VALUE}).")
    HistoryLevel history;

    @Option(
            names = "--keep-runs-for",
            defaultValue = "7d",
            converter = DurationConverter.class,
            description = "Run history older than this is removed (default: ${DEFAULT-VALUE}).")
    Duration keepRunsFor;

    @Option(
            names = "--keep-runs",
            defaultValue = "100000",
            converter = OptionConverters.PositiveLong.class,
            description = "At most this many runs are kept (default: ${DEFAULT-VALUE}).")
    long keepRuns;

    @Option(
            names = "--secrets",
            description = "A NAME=value file with the secrets the flows reference; then the encrypted vault in the"
                    + " data folder (switchboard secrets set), then the environment.")
    Path secretsFile;

    @Option(
            names = "--policies",
            paramLabel = "FILE",
            description = "Central policies (masking, routing) for every flow; default: policies.json beside the"
                    + " flows given, else <data>/policies.json. See docs/policies.md.")
    Path policiesFile;

    @Option(
            names = "--drain-timeout",
            defaultValue = "10s",
            description = "How long stopping waits for in-flight events (default: ${DEFAULT-VALUE}).",
            converter = DurationConverter.class)
    Duration drainTimeout;

    @Option(
            names = "--broker",
            description = "Also start the local dev broker (JMS tcp://127.0.0.1:61616, AMQP 5672, "
                    + "MQTT 1883; messages under <data>/broker). Off by default.")
    boolean broker;

    @Option(
            names = "--admin-port",
            defaultValue = "" + AdminServer.DEFAULT_PORT,
            converter = OptionConverters.PortOrFree.class,
            description =
                    "Port for the admin API (default: ${DEFAULT-VALUE}; 0 picks a free one). See docs/admin-api.md.")
    int adminPort;

    @Option(
            names = "--admin-host",
            defaultValue = "127.0.0.1",
            description = "Address the admin API binds to (default: ${DEFAULT-VALUE}).")
    String adminHost;

    @Option(
            names = "--admin-token",
            description = "Bearer token the admin API requires; without it one is generated into <data>/admin.token "
                    + "(mode 0600) on the first start and re-used.")
    String adminToken;

    @Option(
            names = OptionDefaults.CONFIG_OPTION,
            paramLabel = "FILE",
            description = "A properties file with option values (port=8080, drain-timeout=30s …; keys are the "
                    + "option names without '--'). The command line wins over the environment "
                    + "(SWITCHBOARD_PORT …), the environment over this file.")
    Path configFile;

    @Option(
            names = "--schemas",
            paramLabel = "DIR",
            description = "The schemas folder the flows' data contracts come from (docs/contracts.md). Default: "
                    + "schemas in the first PATH when it is a folder, beside it when a file; <data>/schemas without"
                    + " a PATH.")
    Path schemasDir;

    @Option(
            names = "--log-format",
            defaultValue = "text",
            description = "text, or json: one JSON object per line on stdout, run's own lines included "
                    + "(default: ${DEFAULT-VALUE}).")
    LogSetup.Format logFormat;

    @Option(
            names = "--log-level",
            description = "error, warn, info, debug or trace (default: info; the libraries log warnings only).")
    LogSetup.LogLevel logLevel;

    @Option(
            names = "--event-log",
            defaultValue = "on",
            description = "on: one line per event handled (status, flow, trigger, event, duration); off: none "
                    + "(default: ${DEFAULT-VALUE}).")
    OnOff eventLog;

    enum OnOff {
        on,
        off
    }

    @Override
    public Integer call() throws Exception {
        RunPreflight.check(store, secretsFile);
        cluster.check(store.dbUrl);
        LogSetup.apply(logFormat, logLevel);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // one catalog for loading, checking and running: each load instantiates every connector
        ConnectorCatalog catalog = ConnectorCatalog.load();
        Optional<RunFlows> loaded = RunFlows.load(paths, schemasDir, store.dataDir, catalog, out, err);
        if (loaded.isEmpty()) {
            return 1;
        }
        SchemaRegistry schemas = loaded.get().schemas();
        Path deployedFolder = loaded.get().deployedFolder();
        List<Flow> flows = loaded.get().flows();
        OwnerOnly.createDirectories(store.dataDir);
        SecretResolver secrets;
        try {
            secrets = SecretSources.load(store.dataDir, secretsFile, System::getenv, err::println);
        } catch (SecretVault.VaultException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        cluster.resolveKafkaClient(spec, secrets, err::println);
        CentralPolicies policies;
        try {
            policies = RunPolicies.forRun(policiesFile, paths, store.dataDir, schemas, secrets, out);
        } catch (PolicyFileException e) {
            // running without the policies meant for these flows would store and send what they protect
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
        EngineOptions options = new EngineOptions(host, port, store.dataDir, drainTimeout, policies);
        // from here on a signal stops whatever has started, even halfway through starting
        RunResources resources = new RunResources();
        ShutdownSignals.onTerminate(err, resources::close);
        // when the JVM exits some other way (System.exit elsewhere), still stop as well as H2 lets us
        Runtime.getRuntime().addShutdownHook(new Thread(resources::close, "switchboard-exit"));
        try {
            DevBroker devBroker = broker
                    ? BrokerCommand.start("127.0.0.1", 61616, 5672, 1883, store.dataDir.resolve("broker"), out)
                    : null;
            if (devBroker != null && !resources.keep(devBroker)) {
                return stoppedWhileStarting(resources);
            }
        } catch (IllegalStateException e) {
            return failedToStart(err, e.getMessage(), resources);
        }
        HistoryOptions historyOptions = HistoryOptions.defaults()
                .withMaxSnapshotChars(snapshotSize)
                .withRetention(keepRunsFor, keepRuns)
                .withLevel(history);
        DurableRuntime runtime;
        try {
            runtime = DurableRuntime.start(
                    options, catalog, secrets, store.dbUrl, historyOptions, cluster.inboxChoice(drainTimeout));
        } catch (StoreOwnership.StoreInUseException | IllegalStateException | Store.StoreException e) {
            // another runtime owns the store, the store cannot be reached (its URL redacted), the webhook port is
            // taken, or the engine could not start: one line that says what to do, no stack trace
            return failedToStart(err, e.getMessage(), resources);
        }
        if (!resources.keep(runtime)) {
            return stoppedWhileStarting(resources);
        }
        // H2 creates its files with the umask: run history and dead letters are for the owner only
        OwnerOnly.restrictFiles(store.dataDir, "switchboard.");
        Engine engine = runtime.engine();
        // from here on schemas registered through the admin API (any runtime on a shared store) count too
        schemas = schemas.withStore(new StoreSchemas(runtime.store()));
        engine.services().register(ContractSchemas.class, new ContractSchemas(schemas));
        cluster.gatePullTriggers(runtime);
        // in cluster mode the shared store keeps deployed flows, not this runtime's data folder
        DeployedFlows deployments = cluster.deployments(
                new FlowDeployments(engine, cluster.enabled ? null : deployedFolder, schemas), runtime);
        if (deployments instanceof AutoCloseable watching && !resources.keep(watching)) {
            return stoppedWhileStarting(resources);
        }
        // before any flow deploys: Camel's per-route meters attach to routes created after this
        RuntimeMetrics metrics = RuntimeMetrics.bind(runtime);
        if (!resources.keep(metrics)) {
            return stoppedWhileStarting(resources);
        }
        cluster.addMetrics(metrics, runtime);
        // ready means every flow that should run does: a flow stopped through the admin API should not
        HealthChecks health = new HealthChecks(
                engine,
                runtime.store(),
                () -> deployments.list().stream()
                        .filter(known -> known.status() == FlowDeployments.Status.RUNNING)
                        .map(known -> known.flow().id())
                        .toList());
        cluster.addHealth(health, runtime);
        FlowCounters counters = new FlowCounters();
        engine.addRunListener(counters);
        RunLines lines = new RunLines(logFormat, out);
        AdminServer admin;
        try {
            AdminToken token = AdminToken.resolve(adminToken, store.dataDir);
            admin = new AdminServer(
                            adminHost,
                            adminPort,
                            new AdminApi(deployments, runtime, counters, schemas),
                            token,
                            List.of(
                                    AdminEndpoint.open("/health/live", () -> answer(health.live())),
                                    AdminEndpoint.open("/health/ready", () -> answer(health.ready())),
                                    AdminEndpoint.authenticated("/metrics", () -> answer(metrics.scrape()))),
                            AdminServer.DEFAULT_MAX_BODY_BYTES)
                    .start();
            if (token.generated()) {
                // printed once, on stdout only: the file keeps it for later starts
                lines.print("Admin API token (saved in " + token.file() + "): " + token.value());
            }
        } catch (IllegalStateException | java.io.IOException e) {
            return failedToStart(err, e.getMessage(), resources);
        }
        if (!resources.keep(admin)) {
            return stoppedWhileStarting(resources);
        }
        if (eventLog == OnOff.on) {
            engine.addRunListener(run -> lines.print(engine.secretMask().mask(RunLines.eventLine(run))));
        }
        try {
            flows = cluster.startingFlows(flows, lines::print);
        } catch (SQLException | FlowCompileException e) {
            return failedToStart(
                    err, "Could not load the cluster's flows from the shared store: " + e.getMessage(), resources);
        }
        for (Flow flow : flows) {
            if (resources.stopRequested() || engine.isClosing()) {
                break; // stopped while starting: the signal's thread closes what started
            }
            try {
                deployments.deployAtStart(flow);
            } catch (IllegalStateException e) {
                if (engine.isClosing()) {
                    break;
                }
                throw e;
            } catch (FlowCompileException e) {
                return failedToStart(err, flow.id() + ": " + e.getMessage(), resources);
            }
            lines.print("▶ " + flow.id() + " — " + flow.displayName());
        }
        if (!resources.stopRequested() && !engine.isClosing()) {
            cluster.startConsuming(runtime);
            RunBanner banner = new RunBanner(
                    SwitchboardVersion.get(),
                    flows.stream().map(Flow::id).toList(),
                    engine.httpBaseUrl(),
                    store.dbUrl != null
                            ? Store.redacted(store.dbUrl)
                            : store.dataDir
                                            .toAbsolutePath()
                                            .normalize()
                                            .resolve(StoreOptions.STORE_FILE)
                                            .toString()
                                    + " (run history: " + history.id() + " unless a flow's settings.history says)",
                    Optional.of(admin.baseUrl()));
            banner.lines().forEach(lines::print);
        }
        if (Boolean.getBoolean(EXIT_WHEN_STARTED)) {
            resources.close();
            return 0;
        }
        resources.awaitClosed();
        return 0;
    }

    /** A start cut short by a signal: what started is being closed; exit 0 once it is. */
    private static int stoppedWhileStarting(RunResources resources) {
        resources.awaitClosed();
        return 0;
    }

    /** One line that says what went wrong, what started is closed, exit 1. */
    private static int failedToStart(PrintWriter err, String message, RunResources resources) {
        err.println("✗ " + message);
        err.flush();
        resources.close();
        return 1;
    }

    private static AdminResponse answer(EndpointAnswer answer) {
        return AdminResponse.text(answer.status(), answer.contentType(), answer.body());
    }
}
