package dev.switchboard.designer.run;

import dev.switchboard.connector.ingress.PortInUseException;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.runtime.contract.ContractSchemas;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.engine.StatusBoard;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.live.LiveMonitor;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.HistoryLevel;
import dev.switchboard.runtime.policy.CentralPolicies;
import dev.switchboard.runtime.policy.PolicyFileException;
import dev.switchboard.runtime.policy.PolicyFiles;
import dev.switchboard.runtime.secrets.OwnerOnly;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.secrets.SecretSources;
import dev.switchboard.runtime.store.DeadLetter;
import dev.switchboard.runtime.store.DeadLetterFilter;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import dev.switchboard.runtime.store.RunQueries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime embedded in the designer while the user runs flows: the headless runtime's durable
 * engine (same connectors, same H2 store, in the user's data folder) plus a {@link LiveMonitor}
 * the canvas and message inspector read. Plain Java, called off the FX thread.
 */
public final class RunSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunSession.class);
    /**
     * Everything of every run, whatever the flow's {@code settings.history}: the message inspector
     * and the trace show each node's input and output.
     */
    static final HistoryOptions HISTORY = HistoryOptions.defaults().withLevelForEveryFlow(HistoryLevel.FULL);
    /** How long a trace waits for the run history writer to catch up with the runs just finished. */
    private static final Duration HISTORY_CATCH_UP = Duration.ofSeconds(3);

    private static final Duration TRACE_POLL = Duration.ofMillis(50);

    private final DurableRuntime runtime;
    private final LiveMonitor monitor;
    private final AppliedPolicies policies;

    private RunSession(DurableRuntime runtime, LiveMonitor monitor, AppliedPolicies policies) {
        this.runtime = runtime;
        this.monitor = monitor;
        this.policies = policies;
    }

    /** A session without flow folder: only {@code <data>/policies.json} applies, if there is one. */
    public static RunSession start(RunSettings settings, ConnectorCatalog catalog) throws PolicyFileException {
        return start(settings, catalog, PolicyPlace.beside(null));
    }

    /** As {@link #start(RunSettings, ConnectorCatalog, PolicyPlace)} for a flow saved in {@code flowFolder}. */
    public static RunSession start(RunSettings settings, ConnectorCatalog catalog, Path flowFolder)
            throws PolicyFileException {
        return start(settings, catalog, PolicyPlace.beside(flowFolder));
    }

    /**
     * Opens the store and starts the engine with the central policies {@code switchboard run} would
     * apply to the flow (see {@link PolicyPlace}); the webhook port falls back to a free one when
     * taken. Policies are fixed for the engine's life, as in {@code run}: applying an edited file
     * means a new session.
     *
     * @throws PolicyFileException when the policies file is not valid: running without the policies
     *     meant for the flow would show and store what they hide
     */
    public static RunSession start(RunSettings settings, ConnectorCatalog catalog, PolicyPlace place)
            throws PolicyFileException {
        try {
            OwnerOnly.createDirectories(settings.dataFolder());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + settings.dataFolder(), e);
        }
        SecretResolver secrets = secrets(settings);
        LoadedPolicies loaded = load(settings, place, secrets);
        EngineOptions options = new EngineOptions(
                "127.0.0.1", settings.httpPort(), settings.dataFolder(), Duration.ofSeconds(5), loaded.central());
        DurableRuntime runtime;
        try {
            runtime = DurableRuntime.start(options, catalog, secrets, null, HISTORY);
        } catch (PortInUseException e) {
            if (settings.httpPort() == 0) {
                throw e;
            }
            LOG.info(
                    "Port {} is taken by another program; the designer's webhooks use a free port",
                    settings.httpPort());
            runtime = DurableRuntime.start(options.withHttpPort(0), catalog, secrets, null, HISTORY);
        }
        try {
            OwnerOnly.restrictFiles(settings.dataFolder(), "switchboard.");
        } catch (IOException e) {
            LOG.warn("Cannot make the store's files owner-only: {}", e.getMessage());
        }
        // masked like run history: the messages panel never shows a resolved secret
        LiveMonitor monitor =
                new LiveMonitor(settings.messageCapacity(), runtime.engine().secretMask());
        runtime.engine().addRunListener(monitor);
        return new RunSession(runtime, monitor, loaded.applied());
    }

    /** secrets.env in the data folder if there is one, then the vault there (switchboard secrets set --data …). */
    private static SecretResolver secrets(RunSettings settings) {
        Path secretsFile = Files.isRegularFile(settings.secretsFile()) ? settings.secretsFile() : null;
        return SecretSources.load(settings.dataFolder(), secretsFile, System::getenv, LOG::warn);
    }

    private record LoadedPolicies(CentralPolicies central, AppliedPolicies applied) {}

    /** The digest is taken before the file is read: an edit in between shows as a change, never hides one. */
    private static LoadedPolicies load(RunSettings settings, PolicyPlace place, SecretResolver secrets)
            throws PolicyFileException {
        Optional<Path> file = place.locate(settings.dataFolder());
        if (file.isEmpty()) {
            return new LoadedPolicies(PolicyFiles.withoutFile(settings.dataFolder()), AppliedPolicies.NONE);
        }
        String digest = AppliedPolicies.digestOf(file.get());
        CentralPolicies central = PolicyFiles.load(
                file.get(), place.schemas(settings.dataFolder()), secrets, settings.dataFolder(), System::getenv);
        return new LoadedPolicies(central, AppliedPolicies.of(file.get(), digest, central.policies()));
    }

    /**
     * What a Run reads for policies before it deploys: empty when the file at {@code place} is the
     * one this engine applies, byte for byte; else that file's policies, checked as a start would
     * check them (a new session applies them).
     *
     * @throws PolicyFileException when the changed file is not valid; this engine keeps its policies
     */
    public Optional<AppliedPolicies> changedPolicies(RunSettings settings, PolicyPlace place)
            throws PolicyFileException {
        if (!policiesChanged(place)) {
            return Optional.empty();
        }
        return Optional.of(load(settings, place, secrets(settings)).applied());
    }

    /** Whether the policies file at {@code place} is another, or another content, than this engine applies. */
    public boolean policiesChanged(PolicyPlace place) {
        return policies.differsFrom(place.locate(dataFolder()));
    }

    /** The policies the engine applies, fixed when it started. */
    public AppliedPolicies policies() {
        return policies;
    }

    /** The engine itself, for what the session does not wrap (and for tests that check what ran). */
    public dev.switchboard.runtime.engine.Engine engine() {
        return runtime.engine();
    }

    public LiveMonitor monitor() {
        return monitor;
    }

    public Path dataFolder() {
        return runtime.engine().options().dataDir();
    }

    public String httpBaseUrl() {
        return runtime.engine().httpBaseUrl();
    }

    /** Starts a flow or hot-replaces its running version; the others keep running untouched. */
    public void deploy(Flow flow) throws FlowCompileException {
        runtime.engine().deploy(flow);
        monitor.watch(flow);
    }

    /**
     * Starts a flow whose file lies in {@code folder} (null when never saved): its data contracts
     * resolve in the {@code schemas} folder beside it, as with {@code switchboard run}.
     */
    public void deploy(Flow flow, Path folder) throws FlowCompileException {
        if (folder != null) {
            useSchemasBeside(folder);
        }
        deploy(flow);
    }

    /**
     * The schema registry contracts resolve in from now on: the one beside the flow being run. A
     * flow already running keeps the schemas it was compiled with.
     */
    public synchronized void useSchemasBeside(Path folder) {
        SchemaRegistry wanted = SchemaRegistry.beside(folder);
        boolean same = runtime.engine()
                .services()
                .find(ContractSchemas.class)
                .map(c -> c.registry().dir().equals(wanted.dir()))
                .orElse(false);
        if (!same) {
            runtime.engine().services().register(ContractSchemas.class, new ContractSchemas(wanted));
        }
    }

    /** The schemas folder contracts resolve in now, if any. */
    public Optional<Path> schemasFolder() {
        return runtime.engine()
                .services()
                .find(ContractSchemas.class)
                .map(c -> c.registry().dir());
    }

    public boolean isDeployed(String flowId) {
        return runtime.engine().deployedFlowIds().contains(flowId);
    }

    public List<Flow> deployedFlows() {
        return runtime.engine().deployedFlows();
    }

    /** The URLs the flow's nodes answer on (webhooks), by node id. */
    public Map<String, List<String>> addresses(String flowId) {
        return runtime.engine().addresses(flowId);
    }

    /** The connection statuses of the flow's nodes that reported one (brokers, databases), by node id. */
    public Map<String, StatusBoard.Status> nodeStatuses(String flowId) {
        return runtime.engine().nodeStatuses(flowId);
    }

    /** Hands an event to a trigger as if it had received it (through the durable inbox for webhooks). */
    public void inject(String flowId, String triggerNodeId, Event event) {
        runtime.engine().inject(flowId, triggerNodeId, event);
    }

    /** Recent runs of these flows, newest first; {@code status} null for any. */
    public List<RunQueries.Run> runs(Collection<String> flowIds, String status, int limit) {
        return runtime.runs().list(flowIds, status, limit);
    }

    /**
     * Every run of an event (by event or run id) with the steps it took. An event sent a moment ago
     * may still be running or on its way to the history: wait a little for it rather than say "not found".
     */
    public List<RunQueries.RunPath> trace(String eventOrRunId) throws InterruptedException {
        long deadline = System.nanoTime() + HISTORY_CATCH_UP.toNanos();
        while (true) {
            runtime.history().awaitWritten(HISTORY_CATCH_UP);
            List<RunQueries.RunPath> paths = runtime.runs().path(eventOrRunId);
            if (!paths.isEmpty() || System.nanoTime() > deadline) {
                return paths;
            }
            Thread.sleep(TRACE_POLL.toMillis());
        }
    }

    /** Dead letters of these flows not yet replayed, newest first. */
    public List<DeadLetter> deadLetters(Collection<String> flowIds, int limit) {
        return runtime.deadLetters().list(DeadLetterFilter.all(), limit).stream()
                .filter(d -> flowIds.isEmpty() || flowIds.contains(d.flowId()))
                .toList();
    }

    /** The dead letter a failed run left, if any. */
    public Optional<DeadLetter> deadLetterOf(String runId) {
        return runtime.deadLetters().findByRun(runId);
    }

    /**
     * Sends a dead letter back to the node that failed it; the running inbox picks it up. Empty when
     * it was already replayed.
     */
    public Optional<DeadLetter> replay(long deadLetterId) {
        return runtime.deadLetters().replay(DeadLetterFilter.byId(deadLetterId)).stream()
                .findFirst();
    }

    /** Graceful stop: the webhook server closes, in-flight events finish, history is flushed, the store closes. */
    @Override
    public void close() {
        runtime.close();
    }
}
