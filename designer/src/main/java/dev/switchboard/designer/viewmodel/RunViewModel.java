package dev.switchboard.designer.viewmodel;

import dev.switchboard.designer.run.AppliedPolicies;
import dev.switchboard.designer.run.InjectSamples;
import dev.switchboard.designer.run.PolicyPlace;
import dev.switchboard.designer.run.RunSession;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.live.LiveSnapshot;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.policy.PolicyFileException;
import dev.switchboard.runtime.validate.FlowValidator;
import dev.switchboard.runtime.validate.Problem;
import java.nio.file.Path;
import java.time.Instant;
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
    private final PoliciesViewModel policies;
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
        this.policies = new PoliciesViewModel(env, this::place);
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

    /** Which policies the running engine applies, an edit the next Run applies, a file it could not apply. */
    public PoliciesViewModel policies() {
        return policies;
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

    /** Where this Run looks for its policies file: beside the open flow, or the sample it came from. */
    private PolicyPlace place() {
        return new PolicyPlace(folder(), doc.files().templatePoliciesProperty().get());
    }

    /**
     * Runs the open flow, with the flows in its folder that subscribe to what it publishes. While
     * a session runs, this (re)deploys the open flow into it, leaving the others alone — unless
     * the policies file the flow would run under changed: then the runtime restarts under it with
     * the flows that ran, or, when that file is not valid, keeps running as it was and says why.
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
        PolicyPlace place = place();
        RunSession current = host.session().orElse(null);
        if (current == null) {
            start(flow, folder, place, null, List.of(), "Starting the runtime…");
            return;
        }
        host.status("Deploying '" + flow.id() + "'…");
        RunEnvironment env = host.env();
        env.background().execute(() -> {
            try {
                Optional<AppliedPolicies> changed =
                        current.changedPolicies(env.settings().get(), place);
                if (changed.isPresent()) {
                    List<Flow> before = current.deployedFlows();
                    env.ui().execute(() -> restart(current, flow, folder, place, before, changed.get()));
                    return;
                }
                FlowDeployment deployed = FlowDeployment.deploy(current, flow, folder, validator(), List.of());
                env.ui().execute(() -> started(current, flow, deployed));
            } catch (Exception e) {
                env.ui().execute(() -> failed(flow, e, " — the runtime keeps running as it was"));
            }
        });
    }

    /** The policies changed: a new engine applies them (policies are fixed for an engine's life). */
    private void restart(
            RunSession old, Flow flow, Path folder, PolicyPlace place, List<Flow> before, AppliedPolicies next) {
        if (host.session().orElse(null) != old) {
            return; // stopped meanwhile
        }
        host.env().ticker().stop();
        stopped();
        List<Flow> others =
                before.stream().filter(f -> !f.id().equals(flow.id())).toList();
        start(
                flow,
                folder,
                place,
                old,
                others,
                "Policies changed: restarting the runtime under "
                        + next.file().map(Path::toString).orElse("no policies file") + "…");
    }

    /** Starts a session (closing {@code previous} first, on the same background thread) and deploys. */
    private void start(
            Flow flow, Path folder, PolicyPlace place, RunSession previous, List<Flow> before, String starting) {
        state.set(State.STARTING);
        host.status(starting);
        RunEnvironment env = host.env();
        env.background().execute(() -> {
            if (previous != null) {
                previous.close();
            }
            RunSession session = null;
            try {
                session = RunSession.start(env.settings().get(), doc.catalog(), place);
                session.monitor()
                        .setCapacity(Math.max(1, messages.capacityProperty().get()));
                FlowDeployment deployed = FlowDeployment.deploy(session, flow, folder, validator(), before);
                RunSession ready = session;
                env.ui().execute(() -> started(ready, flow, deployed));
            } catch (Exception e) {
                if (session != null) {
                    session.close();
                }
                env.ui().execute(() -> {
                    state.set(State.STOPPED);
                    failed(flow, e, "");
                });
            }
        });
    }

    private void failed(Flow flow, Exception e, String after) {
        if (e instanceof PolicyFileException invalid) {
            policies.invalid(invalid);
        }
        String hint = missingSecret(e)
                ? " (the designer's secrets file: "
                        + host.env().settings().get().secretsFile() + ")"
                : "";
        // a policies file's problems come one a line, each with its JSON pointer
        String why = RunHost.message(e).replace("\n  ", " — ").replace("\n", " — ");
        host.status("Could not run '" + flow.id() + "': " + why + hint + after);
    }

    private static boolean missingSecret(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof dev.switchboard.runtime.secrets.SecretResolver.MissingSecretException) {
                return true;
            }
        }
        return false;
    }

    private void started(RunSession session, Flow flow, FlowDeployment deployed) {
        boolean fresh = host.session().isEmpty();
        host.setSession(session);
        runningFlows = deployed.flows();
        addresses = deployed.addresses();
        if (fresh) {
            inject.useSamples(InjectSamples.in(session.dataFolder()));
            host.env().ticker().start(this::tick);
        }
        policies.applied(session.policies());
        state.set(State.RUNNING);
        String urls = String.join(
                ", ",
                addresses.getOrDefault(flow.id(), Map.of()).values().stream()
                        .flatMap(List::stream)
                        .toList());
        host.status("Running '" + flow.id() + "'"
                + (deployed.subscribers().isEmpty()
                        ? ""
                        : " with subscriber " + String.join(", ", deployed.subscribers()))
                + (deployed.restarted().isEmpty() ? "" : " — running again: " + String.join(", ", deployed.restarted()))
                + (urls.isEmpty() ? "" : " — " + urls)
                + (deployed.skipped().isEmpty() ? "" : " — not started: " + String.join("; ", deployed.skipped()))
                + session.policies().file().map(f -> " — policies: " + f).orElse(""));
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
        policies.stopped();
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
                    return FlowDeployment.of(s);
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
        LiveNodes.update(live, doc.flow(), runningFlows, addresses, snapshot, session, Instant.now());
        runs.tick(snapshot.lastSeq());
        policies.tick(session);
    }
}
