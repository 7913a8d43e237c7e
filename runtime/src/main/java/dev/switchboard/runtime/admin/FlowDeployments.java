package dev.switchboard.runtime.admin;

import dev.switchboard.connector.support.Quote;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.validate.FlowFileValidator;
import dev.switchboard.runtime.validate.Problem;
import dev.switchboard.runtime.validate.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The flows a running runtime knows, running or stopped, and the one way they change at run time:
 * deploy (validated first, then hot-replaced in the engine), delete, stop, start. Shared by the
 * start-up in {@code switchboard run} and the admin API, one change at a time.
 *
 * <p>Deploys persist: a deployed flow is written to {@code <data>/flows/<id>.flow.json} (a
 * temporary file in that folder, moved into place only once the engine runs the new version), so a
 * restart runs it again; a delete removes the file. Stop and start are not persisted: a restart
 * starts every flow.
 */
public final class FlowDeployments implements DeployedFlows {
    /** The folder, inside the data folder, that holds the flows deployed through the admin API. */
    public static final String FOLDER = "flows";

    private final Engine engine;
    private final FlowFileValidator validator;
    private final Path folder;
    private final Map<String, Flow> flows = new TreeMap<>();

    public enum Status {
        RUNNING,
        STOPPED
    }

    /**
     * A flow the runtime knows and whether it runs.
     *
     * @param revision the flow's revision in the cluster's shared store, 0 outside cluster mode
     */
    public record Known(Flow flow, Status status, long revision) {
        public Known(Flow flow, Status status) {
            this(flow, status, 0);
        }
    }

    /**
     * What a deploy did.
     *
     * @param created true when the id was new, false for a replacement
     * @param problems every error (the deploy did nothing) or the warnings of a deployed flow
     * @param failure why a valid flow did not start (the previous version runs on), else null
     */
    public record Outcome(Flow flow, boolean created, List<Problem> problems, String failure) {
        public boolean deployed() {
            return failure == null && problems.stream().noneMatch(Problem::isError);
        }
    }

    /** @param folder where deployed flows are kept ({@code <data>/flows}); null keeps them in memory only */
    public FlowDeployments(Engine engine, Path folder) {
        this(engine, folder, null);
    }

    /** @param schemas where deployed flows' data contracts come from; null: contracts are checked when compiled only */
    public FlowDeployments(Engine engine, Path folder, SchemaRegistry schemas) {
        this.engine = engine;
        this.validator = new FlowFileValidator(engine.catalog(), schemas);
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Deploys a flow loaded at start-up (already validated); not written to the folder. */
    @Override
    public synchronized void deployAtStart(Flow flow) throws FlowCompileException {
        engine.deploy(flow);
        flows.put(flow.id(), flow);
    }

    @Override
    public synchronized List<Known> list() {
        return flows.values().stream().map(this::known).toList();
    }

    @Override
    public synchronized Optional<Known> find(String id) {
        return Optional.ofNullable(flows.get(id)).map(this::known);
    }

    private Known known(Flow flow) {
        return new Known(flow, engine.deployedFlowIds().contains(flow.id()) ? Status.RUNNING : Status.STOPPED);
    }

    /**
     * Validates {@code text} as the flow {@code id} (every problem, with pointers; its webhook
     * paths against every other flow known here), then deploys it: starts it, or hot-replaces the
     * running version, or starts a stopped one with the new version. Nothing changes when it has an
     * error or does not start.
     */
    @Override
    public synchronized Outcome deploy(String id, String text) throws IOException {
        List<Flow> others =
                flows.values().stream().filter(f -> !f.id().equals(id)).toList();
        ValidationResult result = validator.validateAgainst(text, others);
        Flow flow = result.flow();
        List<Problem> problems = new ArrayList<>(result.problems());
        if (flow != null && !id.equals(flow.id())) {
            problems.add(
                    0,
                    Problem.error(
                            "/id",
                            "The flow's id " + Quote.single(String.valueOf(flow.id())) + " is not the id in the URL, "
                                    + Quote.single(id) + ": PUT a flow to /api/flows/<its id>"));
        }
        boolean created = !flows.containsKey(id);
        if (flow == null || problems.stream().anyMatch(Problem::isError)) {
            return new Outcome(flow, created, problems, null);
        }
        Path staged = stage(flow);
        try {
            engine.deploy(flow);
        } catch (FlowCompileException e) {
            return new Outcome(flow, created, problems, e.getMessage());
        } finally {
            if (staged != null && !engine.deployedFlowIds().contains(flow.id())) {
                Files.deleteIfExists(staged);
            }
        }
        if (staged != null) {
            Files.move(staged, fileOf(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        flows.put(id, flow);
        return new Outcome(flow, created, problems, null);
    }

    /** Writes the flow next to where it will live, so the move into place cannot fail for space or permissions. */
    private Path stage(Flow flow) throws IOException {
        if (folder == null) {
            return null;
        }
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + flow.id() + "-", ".tmp");
        Files.writeString(temp, FlowCodec.write(flow), StandardCharsets.UTF_8);
        return temp;
    }

    private Path fileOf(String id) {
        return folder.resolve(id + ".flow.json");
    }

    /** Stops and forgets a flow, and removes its persisted file; false when no such flow. */
    @Override
    public synchronized boolean delete(String id) throws IOException {
        if (!flows.containsKey(id)) {
            return false;
        }
        engine.undeploy(id);
        flows.remove(id);
        if (folder != null) {
            Files.deleteIfExists(fileOf(id));
        }
        return true;
    }

    /** Stops a flow but keeps it (start brings it back); empty when no such flow. */
    @Override
    public synchronized Optional<Known> stop(String id) {
        if (!flows.containsKey(id)) {
            return Optional.empty();
        }
        engine.undeploy(id);
        return find(id);
    }

    /**
     * Starts a stopped flow (a running one stays as it is); empty when no such flow.
     *
     * @throws FlowCompileException when it does not start (a webhook path another flow took meanwhile …)
     */
    @Override
    public synchronized Optional<Known> start(String id) throws FlowCompileException {
        Flow flow = flows.get(id);
        if (flow == null) {
            return Optional.empty();
        }
        if (!engine.deployedFlowIds().contains(id)) {
            engine.deploy(flow);
        }
        return find(id);
    }

    /**
     * Makes this runtime run {@code flow} as {@code status} says, without validating it again: a
     * version another runtime of the cluster validated and deployed. A running flow is hot-replaced;
     * a stopped one is kept and its routes removed. Not written to the folder.
     *
     * @throws FlowCompileException when it does not start here (the previous version, if any, runs on)
     */
    public synchronized void adopt(Flow flow, Status status) throws FlowCompileException {
        if (status == Status.RUNNING) {
            engine.deploy(flow);
        } else if (engine.deployedFlowIds().contains(flow.id())) {
            engine.undeploy(flow.id());
        }
        flows.put(flow.id(), flow);
    }

    /** Undeploys and forgets a flow deleted elsewhere in the cluster; the folder is left as it is. */
    public synchronized void forget(String id) {
        if (flows.remove(id) != null && engine.deployedFlowIds().contains(id)) {
            engine.undeploy(id);
        }
    }
}
