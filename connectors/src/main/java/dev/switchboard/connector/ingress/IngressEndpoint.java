package dev.switchboard.connector.ingress;

import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** One hook: consumed by exactly one webhook route; nothing can be sent to it. */
final class IngressEndpoint extends DefaultEndpoint implements MultipleConsumersSupport {
    private final HookSpec spec;

    IngressEndpoint(String uri, IngressComponent component, HookSpec spec) {
        super(uri, component);
        this.spec = spec;
    }

    HookSpec spec() {
        return spec;
    }

    IngressServer server() {
        return ((IngressComponent) getComponent()).server();
    }

    /**
     * Two flows with the same path and method have equal URIs; Camel's own refusal would not say
     * which flow holds the path. The ingress refuses the second mount itself, naming the first.
     */
    @Override
    public boolean isMultipleConsumersSupported() {
        return true;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("A webhook endpoint receives requests; nothing can be sent to it");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        IngressConsumer consumer = new IngressConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }
}
