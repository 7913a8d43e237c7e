package dev.switchboard.connector.spi;

/** Names of exchange properties the runtime and connectors share. */
public final class FlowExchange {
    /** "node:port" of the last unwired port an event left through. */
    public static final String ENDED_AT = "sb.endedAt";
    /** Set (to the node id) when a node dropped the event on purpose: a filter that did not match. */
    public static final String FILTERED_BY = "sb.filteredBy";
    /** The flow the exchange belongs to. */
    public static final String FLOW_ID = "sb.flowId";

    private FlowExchange() {}
}
