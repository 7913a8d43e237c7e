package dev.switchboard.designer.viewmodel;

import dev.switchboard.designer.run.InjectSamples;
import dev.switchboard.designer.run.RelatedFlows;
import dev.switchboard.designer.run.RunSession;
import dev.switchboard.designer.run.RunSettings;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.engine.StatusBoard;
import dev.switchboard.runtime.live.LiveSnapshot;
import dev.switchboard.runtime.live.NodeKey;
import dev.switchboard.runtime.live.NodeStats;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.validate.FlowValidator;
import dev.switchboard.runtime.validate.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * Running the open flow inside the designer: Run / Stop, live state per node on the canvas, and
 * the message inspector, inject, trace and runs panels, which share one {@link RunSession}.
 * Live state is pulled by a ticker (about ten times a second) from the session's monitor, so the
 * UI thread does a bounded amount of work however many events flow.
 */
public final class RunViewModel {
    public enum State {
        STOPPED,
        STARTING,
        RUNNING,
        STOPPING
    }

    public enum NodeStatus {
        RUNNING,
        WAITING,
        ERROR
    }

    /**
     * What a node's card shows while its flow runs.
     *
     * @param warnings events it let pass that broke its data contract (enforcement {@code warn})
     * @param recentWarnings the latest of those violations, oldest first, each with its JSON pointers
     */
    public record NodeLive(
            long in,
            long out,
            long filtered,
            long errors,
            NodeStatus status,
            String detail,
            List<String> urls,
            long warnings,
            List<String> recentWarnings) {}

    /** A node handled an event this recently: shown as running rather than waiting. */
    static final Duration BUSY_WINDOW = Duration.ofSeconds(2);

    private final DesignerViewModel doc;
    private final RunHost host;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.STOPPED);
    private final ObservableMap<String, NodeLive> live = FXCollections.observableHashMap();
    // one wrapper for all callers: unmodifiable wrappers hold their source weakly, so a fresh one per call can lose
    // listeners
    private final ObservableMap<String, NodeLive> readOnlyLive = FXCollections.unmodifiableObservableMap(live);
    private final MessagesViewModel messages;
    private final TraceViewModel trace;
    private final LineageViewModel lineage;
    private final RunsViewModel runs;
    private final InjectViewModel inject;
    private final BooleanBinding running;
    private volatile Set<String> runningFlows = Set.of();
    private Map<String, Map<String, List<String>>> addresses = Map.of();

    RunViewModel(DesignerViewModel doc, RunEnvironment env) {
        this.doc = doc;
        this.host = new RunHost(env, doc.statusProperty());
        this.messages = new MessagesViewModel(env.settings().get().messageCapacity());
        this.trace = new TraceViewModel(host, () -> doc.flow().id());
        this.lineage = new LineageViewModel(host);
        this.runs = new RunsViewModel(host, () -> runningFlows);
        this.inject = new InjectViewModel(
                host,
                doc::flow,
                doc::spec,
                new dev.switchboard.designer.model.SampleEvents(doc.catalog()),
                () -> folder() == null ? null : SchemaRegistry.beside(folder()));
        this.running = Bindings.createBooleanBinding(() -> state.get() == State.RUNNING, state);
        messages.capacityProperty()
                .addListener((obs, o, n) ->
                        host.session().ifPresent(s -> s.monitor().setCapacity(Math.max(1, n.intValue()))));
        doc.flowProperty().addListener((obs, o, n) -> {
            inject.flowChanged();
            if (o == null || !o.id().equals(n.id())) {
                trace.clear();
            }
        });
        inject.flowChanged();
    }

    /** The folder of the open flow file; null while it was never saved. */
    private Path folder() {
        Path file = doc.files().fileProperty().get();
        return file == null ? null : file.toAbsolutePath().getParent();
    }

    /** The CLI's validator, with the schemas beside the open flow so a missing contract is an error before running. */
    private FlowValidator validator() {
        Path folder = folder();
        return new FlowValidator(doc.catalog(), folder == null ? null : SchemaRegistry.beside(folder));
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public BooleanBinding runningProperty() {
        return running;
    }
    /** Live state of the open flow's nodes, by node id; empty while it does not run. */
    public ObservableMap<String, NodeLive> live() {
        return readOnlyLive;
    }

    public MessagesViewModel messages() {
        return messages;
    }

    public TraceViewModel trace() {
        return trace;
    }

    public LineageViewModel lineage() {
        return lineage;
    }

    public RunsViewModel runs() {
        return runs;
    }

    public InjectViewModel inject() {
        return inject;
    }

    /** How many node messages the embedded runtime holds for the inspector; 0 while stopped. */
    public int heldMessages() {
        return host.session().map(s -> s.monitor().heldMessages()).orElse(0);
    }

    /** The running session, if any. */
    Optional<RunSession> session() {
        return host.session();
    }

    public boolean isRunning(String flowId) {
        return state.get() == State.RUNNING && runningFlows.contains(flowId);
    }

    /**
     * Runs the open flow, with the flows in its folder that subscribe to what it publishes. While
     * a session runs, this (re)deploys the open flow into it, leaving the others alone.
     */
    public void run() {
        if (state.get() == State.STARTING || state.get() == State.STOPPING) {
            return;
        }
        Flow flow = doc.flow();
        List<Problem> errors =
                validator().validate(flow).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            host.status("Cannot run '" + flow.id() + "': fix " + DesignerViewModel.count(errors.size(), "error")
                    + " first — " + errors.get(0));
            return;
        }
        Path folder = folder();
        boolean fresh = host.session().isEmpty();
        state.set(fresh ? State.STARTING : State.RUNNING);
        host.status(fresh ? "Starting the runtime…" : "Deploying '" + flow.id() + "'…");
        RunEnvironment env = host.env();
        env.background().execute(() -> {
            RunSession session = host.session().orElse(null);
            try {
                if (session == null) {
                    RunSettings settings = env.settings().get();
                    session = RunSession.start(settings, doc.catalog(), folder);
                    session.monitor()
                            .setCapacity(Math.max(1, messages.capacityProperty().get()));
                }
                List<String> skipped = new ArrayList<>();
                List<String> started = new ArrayList<>();
                for (Flow subscriber : RelatedFlows.subscribersOf(flow, folder)) {
                    if (session.isDeployed(subscriber.id())) {
                        continue;
                    }
                    if (!validator().validate(subscriber).stream()
                            .filter(Problem::isError)
                            .toList()
                            .isEmpty()) {
                        skipped.add(subscriber.id() + " (has errors)");
                        continue;
                    }
                    try {
                        session.deploy(subscriber, folder);
                        started.add(subscriber.id());
                    } catch (Exception e) {
                        skipped.add(subscriber.id() + " (" + RunHost.message(e) + ")");
                    }
                }
                session.deploy(flow, folder);
                RunSession ready = session;
                Deployed deployed = deployed(ready, fresh ? "" : ready.otherPoliciesNote(folder));
                env.ui().execute(() -> started(ready, flow, deployed, started, skipped));
            } catch (Exception e) {
                RunSession failed = session;
                if (fresh && failed != null) {
                    failed.close();
                }
                String hint = missingSecret(e)
                        ? " (the designer's secrets file: "
                                + env.settings().get().secretsFile() + ")"
                        : "";
                // a policies file's problems come one a line, each with its JSON pointer
                String why = RunHost.message(e).replace("\n  ", " — ").replace("\n", " — ");
                env.ui().execute(() -> {
                    state.set(fresh ? State.STOPPED : State.RUNNING);
                    host.status("Could not run '" + flow.id() + "': " + why + hint);
                });
            }
        });
    }

    private static boolean missingSecret(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof dev.switchboard.runtime.secrets.SecretResolver.MissingSecretException) {
                return true;
            }
        }
        return false;
    }

    private record Deployed(Set<String> flows, Map<String, Map<String, List<String>>> addresses, String policiesNote) {}

    private static Deployed deployed(RunSession session, String policiesNote) {
        Map<String, Map<String, List<String>>> byFlow = new HashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Flow f : session.deployedFlows()) {
            ids.add(f.id());
            byFlow.put(f.id(), session.addresses(f.id()));
        }
        return new Deployed(Set.copyOf(ids), Map.copyOf(byFlow), policiesNote);
    }

    private void started(
            RunSession session, Flow flow, Deployed deployed, List<String> subscribers, List<String> skipped) {
        boolean fresh = host.session().isEmpty();
        host.setSession(session);
        runningFlows = deployed.flows();
        addresses = deployed.addresses();
        if (fresh) {
            inject.useSamples(InjectSamples.in(session.dataFolder()));
            host.env().ticker().start(this::tick);
        }
        state.set(State.RUNNING);
        String urls = String.join(
                ", ",
                addresses.getOrDefault(flow.id(), Map.of()).values().stream()
                        .flatMap(List::stream)
                        .toList());
        host.status("Running '" + flow.id() + "'"
                + (subscribers.isEmpty() ? "" : " with subscriber " + String.join(", ", subscribers))
                + (urls.isEmpty() ? "" : " — " + urls)
                + (skipped.isEmpty() ? "" : " — not started: " + String.join("; ", skipped))
                + deployed.policiesNote());
        tick();
        runs.refresh();
    }

    /** Stops every running flow and the embedded runtime (its webhook server closes). */
    public void stop() {
        RunSession session = host.session().orElse(null);
        if (session == null || state.get() != State.RUNNING) {
            return;
        }
        state.set(State.STOPPING);
        host.status("Stopping…");
        host.env().ticker().stop();
        host.env().background().execute(() -> {
            try {
                session.close();
            } finally {
                host.env().ui().execute(() -> {
                    stopped();
                    host.status("Stopped");
                });
            }
        });
    }

    /** The designer is closing: stop now, on this thread. */
    public void shutdown() {
        host.env().ticker().stop();
        RunSession session = host.session().orElse(null);
        stopped(); // forgotten first: background work still on it then fails quietly
        if (session != null) {
            session.close();
        }
    }

    private void stopped() {
        host.setSession(null);
        runningFlows = Set.of();
        addresses = Map.of();
        live.clear();
        runs.clear();
        state.set(State.STOPPED);
    }

    /** The document was saved: a running flow is hot-replaced with what was saved; the others are not touched. */
    void saved(Flow flow) {
        if (!isRunning(flow.id())) {
            return;
        }
        List<Problem> errors =
                validator().validate(flow).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            host.status("Saved; the running version of '" + flow.id() + "' was kept: " + errors.get(0));
            return;
        }
        host.submit(
                "Replacing the running flow",
                s -> {
                    s.deploy(flow, folder());
                    return deployed(s, "");
                },
                deployed -> {
                    runningFlows = deployed.flows();
                    addresses = deployed.addresses();
                    host.status("Saved and replaced the running '" + flow.id() + "'; other flows kept running");
                    tick();
                });
    }

    public void clearMessages() {
        messages.clear();
    }

    /** Zeroes the counters and empties the inspector. */
    public void resetCounters() {
        host.session().ifPresent(s -> s.monitor().reset());
        messages.clear();
        tick();
    }

    /** Pulls the monitor's state into the view-model; the ticker calls this about ten times a second. */
    void tick() {
        RunSession session = host.session().orElse(null);
        if (session == null) {
            return;
        }
        LiveSnapshot snapshot = session.monitor().snapshot(messages.lastSeq());
        messages.accept(snapshot);
        updateLive(snapshot, session, Instant.now());
        runs.tick(snapshot.lastSeq());
    }

    private void updateLive(LiveSnapshot snapshot, RunSession session, Instant now) {
        Flow flow = doc.flow();
        if (!runningFlows.contains(flow.id())) {
            live.clear();
            return;
        }
        Map<String, List<String>> urls = addresses.getOrDefault(flow.id(), Map.of());
        Map<String, StatusBoard.Status> connections = session.nodeStatuses(flow.id());
        Set<String> ids = new LinkedHashSet<>();
        for (Node node : flow.nodes()) {
            ids.add(node.id());
            NodeStats stats = snapshot.nodes().get(new NodeKey(flow.id(), node.id()));
            NodeLive now2 = nodeLive(stats, connections.get(node.id()), urls.getOrDefault(node.id(), List.of()), now);
            if (!now2.equals(live.get(node.id()))) {
                live.put(node.id(), now2);
            }
        }
        live.keySet().retainAll(ids);
    }

    /** @param connection the node's connection status in the running engine, null when it reported none */
    static NodeLive nodeLive(NodeStats stats, StatusBoard.Status connection, List<String> urls, Instant now) {
        long in = stats == null ? 0 : stats.in();
        long out = stats == null ? 0 : stats.out();
        long filtered = stats == null ? 0 : stats.filtered();
        long errors = stats == null ? 0 : stats.errors();
        NodeStatus status;
        String detail;
        if (stats != null && stats.lastFailed()) {
            status = NodeStatus.ERROR;
            detail = "Failed: " + stats.lastError()
                    + (stats.lastErrorAt() == null ? "" : " (at " + stats.lastErrorAt() + ")");
        } else if (connection != null && connection.state() == StatusBoard.State.DOWN) {
            status = NodeStatus.ERROR;
            detail = "Disconnected: " + connection.message();
        } else if (connection != null && connection.state() == StatusBoard.State.CONNECTING) {
            status = NodeStatus.WAITING;
            detail = "Connecting: " + connection.message();
        } else if (stats != null
                && stats.lastActivityAt() != null
                && stats.lastActivityAt().isAfter(now.minus(BUSY_WINDOW))) {
            status = NodeStatus.RUNNING;
            detail = "Handling events";
        } else {
            status = NodeStatus.WAITING;
            detail = in == 0 ? "Waiting for the first event" : "Waiting for events";
        }
        return new NodeLive(
                in,
                out,
                filtered,
                errors,
                status,
                detail,
                List.copyOf(urls),
                stats == null ? 0 : stats.warnings(),
                stats == null ? List.of() : stats.recentWarnings());
    }
}
