package dev.switchboard.runtime.engine;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

/**
 * An in-memory inbox on Camel SEDA queues: accepted events are lost if the process dies before
 * they ran. The durable inbox replaces it where that matters.
 */
public final class MemoryInbox implements Inbox {
    private final int queueSize;
    private final int consumers;

    public MemoryInbox(int queueSize, int consumers) {
        this.queueSize = queueSize;
        this.consumers = consumers;
    }

    @Override
    public ProcessorDefinition<?> accept(ProcessorDefinition<?> at, String flowId, String nodeId) {
        return at.to(queue(flowId, nodeId) + "&waitForTaskToComplete=Never&blockWhenFull=true&offerTimeout=5000");
    }

    @Override
    public RouteDefinition dispatchFrom(RouteBuilder builder, String flowId, String nodeId) {
        return builder.from(queue(flowId, nodeId) + "&concurrentConsumers=" + consumers);
    }

    private String queue(String flowId, String nodeId) {
        return "seda:sb.inbox." + flowId + "." + nodeId + "?size=" + queueSize;
    }
}
