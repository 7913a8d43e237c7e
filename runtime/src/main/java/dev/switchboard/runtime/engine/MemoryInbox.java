package dev.switchboard.runtime.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory inbox on Camel SEDA queues, with retries on timers: accepted events and waiting
 * retries are lost if the process dies before they ran. The durable inbox replaces it where that
 * matters.
 */
public final class MemoryInbox implements Inbox {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryInbox.class);
    private final int queueSize;
    private final int consumers;
    private final ScheduledExecutorService retries;
    private volatile ProducerTemplate producer;
    private volatile RunTracker tracker;

    public MemoryInbox(int queueSize, int consumers) {
        this.queueSize = queueSize;
        this.consumers = consumers;
        AtomicInteger n = new AtomicInteger();
        this.retries = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "switchboard-retry-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public ProcessorDefinition<?> accept(ProcessorDefinition<?> at, String flowId, String nodeId) {
        return at.to(queue(flowId, nodeId) + "&waitForTaskToComplete=Never&blockWhenFull=true&offerTimeout=5000");
    }

    @Override
    public RouteDefinition dispatchFrom(RouteBuilder builder, String flowId, String nodeId) {
        // an idle consumer notices a stop within its poll timeout: 100 ms instead of SEDA's 1 s, so undeploying
        // (a hot replace, a designer run stopped, each flow-test case) does not wait a second per trigger
        return builder.from(queue(flowId, nodeId) + "&concurrentConsumers=" + consumers + "&pollTimeout=100");
    }

    private String queue(String flowId, String nodeId) {
        return "seda:sb.inbox." + flowId + "." + nodeId + "?size=" + queueSize;
    }

    @Override
    public void start(CamelContext camel, RunTracker runTracker) {
        this.producer = camel.createProducerTemplate();
        this.tracker = runTracker;
    }

    @Override
    public void retryLater(RetryRequest retry) {
        long delay = Math.max(0, Duration.between(Instant.now(), retry.dueAt()).toMillis());
        retries.schedule(() -> run(retry), delay, TimeUnit.MILLISECONDS);
    }

    private void run(RetryRequest retry) {
        if (producer == null || !NodeEntry.exists(producer, retry.flowId(), retry.nodeId())) {
            LOG.warn(
                    "Event {} could not try {}:{} again: the node is not running",
                    retry.input().id(),
                    retry.flowId(),
                    retry.nodeId());
            return;
        }
        Exchange done = NodeEntry.run(
                producer,
                tracker,
                retry.flowId(),
                retry.nodeId(),
                retry.input(),
                null,
                retry.failedRunId(),
                retry.attempt());
        if (done.getException() != null) {
            LOG.debug(
                    "Retry of event {} at {}:{} failed: {}",
                    retry.input().id(),
                    retry.flowId(),
                    retry.nodeId(),
                    done.getException().toString());
        }
    }

    @Override
    public void stop(Duration timeout) {
        retries.shutdownNow();
    }
}
