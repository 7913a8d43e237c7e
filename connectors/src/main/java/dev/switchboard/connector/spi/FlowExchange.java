package dev.switchboard.connector.spi;

/** Names of exchange properties the runtime and connectors share. */
public final class FlowExchange {
    /** "node:port" of the last unwired port an event left through. */
    public static final String ENDED_AT = "sb.endedAt";
    /** Set (to the node id) when a node dropped the event on purpose: a filter that did not match. */
    public static final String FILTERED_BY = "sb.filteredBy";
    /** The flow the exchange belongs to. */
    public static final String FLOW_ID = "sb.flowId";
    /**
     * The id of the run (one event in one flow) the exchange belongs to. A connector that hands an
     * event to another flow (event.publish) copies it onto the new exchange, so the other flow's
     * run is linked to this one.
     */
    public static final String RUN_ID = "sb.runId";

    private FlowExchange() {}
}
