package dev.switchboard.runtime.engine.compile;

/**
 * Names of the internal Camel endpoints and routes a compiled flow uses. Flow and node ids are
 * letters, digits, '_' and '-' only, so the names below cannot collide for any pair of ids: every
 * endpoint has its own prefix, and the flow-wide route names a part no id can be.
 */
public final class Endpoints {
    private Endpoints() {}

    /** The input of a step or action node. */
    public static String nodeInput(String flowId, String nodeId) {
        return "direct:sb.node." + flowId + "." + nodeId;
    }

    /** Where the nodes of a flow hand a failed event (see NodeFailures). */
    public static String flowFailed(String flowId) {
        return "direct:sb.failed." + flowId;
    }

    /** The route id of a flow's failure route (the node failures no error port takes). */
    public static String flowFailedRouteId(String flowId) {
        return flowId + ":(flow):failed";
    }

    /** Where a node whose error port is wired hands a failed event, to go on through that port. */
    public static String nodeFailed(String flowId, String nodeId) {
        return "direct:sb.failed." + flowId + "." + nodeId;
    }

    /** The route id of a node's route; unique in the context, grouped by flow. */
    public static String routeId(String flowId, String nodeId) {
        return flowId + ":" + nodeId;
    }

    /** The route id of a push trigger's dispatch route (inbox → flow). */
    public static String dispatchRouteId(String flowId, String nodeId) {
        return flowId + ":" + nodeId + ":dispatch";
    }

    /** Where the runtime hands a trigger an event to run as if the trigger had produced it (designer "inject"). */
    public static String injectInput(String flowId, String nodeId) {
        return "direct:sb.inject." + flowId + "." + nodeId;
    }

    /** The route id of a trigger's inject route. */
    public static String injectRouteId(String flowId, String nodeId) {
        return flowId + ":" + nodeId + ":inject";
    }
}
