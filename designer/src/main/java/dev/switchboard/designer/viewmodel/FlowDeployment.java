package dev.switchboard.designer.viewmodel;

import dev.switchboard.designer.run.RelatedFlows;
import dev.switchboard.designer.run.RunSession;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.validate.FlowValidator;
import dev.switchboard.runtime.validate.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a Run deploys into the session, off the UI thread: the open flow, the flows in its folder
 * that subscribe to what it publishes, and — after a restart under changed policies — the flows
 * that ran before. A subscriber or earlier flow that cannot start is named, never fatal.
 *
 * @param flows every flow now deployed
 * @param addresses their webhook URLs, by flow id and node id
 * @param subscribers subscribers started along with the open flow
 * @param restarted flows that ran before a restart and run again
 * @param skipped those that could not start, each with why
 */
record FlowDeployment(
        Set<String> flows,
        Map<String, Map<String, List<String>>> addresses,
        List<String> subscribers,
        List<String> restarted,
        List<String> skipped) {

    static FlowDeployment deploy(
            RunSession session, Flow flow, Path folder, FlowValidator validator, List<Flow> runningBefore)
            throws FlowCompileException {
        List<String> skipped = new ArrayList<>();
        List<String> started = new ArrayList<>();
        List<String> restarted = new ArrayList<>();
        for (Flow subscriber : RelatedFlows.subscribersOf(flow, folder)) {
            if (!session.isDeployed(subscriber.id()) && startOthers(session, subscriber, folder, validator, skipped)) {
                started.add(subscriber.id());
            }
        }
        session.deploy(flow, folder);
        for (Flow earlier : runningBefore) {
            if (!session.isDeployed(earlier.id()) && startOthers(session, earlier, null, validator, skipped)) {
                restarted.add(earlier.id());
            }
        }
        FlowDeployment now = of(session);
        return new FlowDeployment(
                now.flows(), now.addresses(), List.copyOf(started), List.copyOf(restarted), List.copyOf(skipped));
    }

    /** @param folder where the flow's file lies (its contracts' schemas), null to keep the session's */
    private static boolean startOthers(
            RunSession session, Flow other, Path folder, FlowValidator validator, List<String> skipped) {
        if (validator.validate(other).stream().anyMatch(Problem::isError)) {
            skipped.add(other.id() + " (has errors)");
            return false;
        }
        try {
            session.deploy(other, folder);
            return true;
        } catch (Exception e) {
            skipped.add(other.id() + " (" + RunHost.message(e) + ")");
            return false;
        }
    }

    /** What runs in the session now. */
    static FlowDeployment of(RunSession session) {
        Map<String, Map<String, List<String>>> byFlow = new HashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Flow f : session.deployedFlows()) {
            ids.add(f.id());
            byFlow.put(f.id(), session.addresses(f.id()));
        }
        return new FlowDeployment(Set.copyOf(ids), Map.copyOf(byFlow), List.of(), List.of(), List.of());
    }
}
