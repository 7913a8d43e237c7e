package dev.switchboard.runtime.engine;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Causes;
import dev.switchboard.runtime.engine.compile.Endpoints;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Engine#inject}'s work, kept apart from deploy and stop sequencing: checks that the node is an
 * enabled trigger and sends the event to its inject input. One per engine; its producer is created on
 * the first injection only, as most runtimes never inject.
 */
final class TriggerInjector {
    private static final Logger LOG = LoggerFactory.getLogger(TriggerInjector.class);

    private final CamelContext camel;
    private final ConnectorCatalog catalog;
    private volatile ProducerTemplate producer;
    /** Guarded by this: set by {@link #stop}; no producer is made after it. */
    private boolean stopped;

    TriggerInjector(CamelContext camel, ConnectorCatalog catalog) {
        this.camel = camel;
        this.catalog = catalog;
    }

    /** See {@link Engine#inject}; {@code running} is the deployed version of the flow. */
    void inject(Flow running, String triggerNodeId, Event event) {
        String flowId = running.id();
        Node node = running.node(triggerNodeId)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Cannot inject into flow '" + flowId + "': it has no node '" + triggerNodeId + "'"));
        if (node.disabled()) {
            throw new IllegalArgumentException("Cannot inject into node '" + triggerNodeId + "' of flow '" + flowId
                    + "': it is disabled, so it does not run");
        }
        boolean trigger = catalog.find(node.type())
                .map(c -> c.spec().kind() == ConnectorKind.TRIGGER)
                .orElse(false);
        if (!trigger) {
            throw new IllegalArgumentException("Cannot inject into node '" + triggerNodeId + "' of flow '" + flowId
                    + "': it is a " + node.type() + " node, not a trigger; events enter a flow at a trigger");
        }
        if (event == null) {
            throw new IllegalArgumentException("Cannot inject into flow '" + flowId + "': no event given");
        }
        Exchange done = producer()
                .send(
                        Endpoints.injectInput(flowId, triggerNodeId),
                        exchange -> exchange.getIn().setBody(event));
        Exception failure = done.getException();
        if (failure == null) {
            return;
        }
        boolean push = camel.getRoute(Endpoints.dispatchRouteId(flowId, triggerNodeId)) != null;
        if (push || done.getProperty(RunTrace.PROPERTY) == null) {
            // nothing ran: the inbox refused the event, or the flow stopped meanwhile
            throw new IllegalStateException(
                    "Flow '" + flowId + "' did not take the injected event: " + Causes.rootMessage(failure), failure);
        }
        LOG.debug(
                "Injected event {} into {}:{}; its run failed: {}",
                event.id(),
                flowId,
                triggerNodeId,
                Causes.rootMessage(failure));
    }

    private ProducerTemplate producer() {
        ProducerTemplate template = producer;
        if (template == null) {
            synchronized (this) {
                // an injection racing the engine's close must not leave a producer nobody stops
                if (stopped) {
                    throw new IllegalStateException("The engine is stopping: the event was not injected");
                }
                if (producer == null) {
                    producer = camel.createProducerTemplate();
                }
                template = producer;
            }
        }
        return template;
    }

    /** Stops the producer, if an injection created one; before the context stops. */
    void stop() {
        ProducerTemplate template;
        synchronized (this) {
            stopped = true;
            template = producer;
        }
        if (template == null) {
            return;
        }
        try {
            template.stop();
        } catch (RuntimeException e) {
            LOG.warn("The inject producer did not stop cleanly: {}", e.getMessage());
        }
    }
}
