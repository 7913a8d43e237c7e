package dev.switchboard.runtime.admin;

import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.model.Flow;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The flows a runtime knows, running or stopped, and the ways they change at run time — what the
 * admin API and {@code switchboard run} work with. {@link FlowDeployments} is one runtime's own;
 * in cluster mode {@code cluster.ClusterDeployments} keeps them in the shared store, so a change
 * made through any runtime reaches every one.
 */
public interface DeployedFlows {

    /** Deploys a flow loaded at start-up (already validated). */
    void deployAtStart(Flow flow) throws FlowCompileException;

    List<FlowDeployments.Known> list();

    Optional<FlowDeployments.Known> find(String id);

    /**
     * Validates {@code text} as the flow {@code id}, then deploys it (starts it, or hot-replaces the
     * running version). Nothing changes when it has an error or does not start.
     *
     * @throws FlowChangeConflictException when another runtime changed the flow meanwhile
     */
    FlowDeployments.Outcome deploy(String id, String text) throws IOException;

    /** Stops and forgets a flow; false when no such flow. */
    boolean delete(String id) throws IOException;

    /** Stops a flow but keeps it; empty when no such flow. */
    Optional<FlowDeployments.Known> stop(String id);

    /** Starts a stopped flow; empty when no such flow. */
    Optional<FlowDeployments.Known> start(String id) throws FlowCompileException;

    /** A change refused because the flow changed elsewhere since this runtime last saw it: try again. */
    final class FlowChangeConflictException extends RuntimeException {
        public FlowChangeConflictException(String message) {
            super(message);
        }
    }
}
