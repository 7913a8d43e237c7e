package dev.switchboard.runtime.flowtest;

import dev.switchboard.connector.http.OutboundRequest;
import dev.switchboard.connector.http.RequestTemplate;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.RetryPolicy;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.model.RouteDefinition;

/**
 * The catalog a flow is tested with: every connector keeps its spec and config checks (so the
 * flow compiles exactly as it validates), but triggers start nothing — pinned events enter
 * through the engine's inject route — and actions send nothing: they record the call and answer
 * from the case's stubs. Steps run for real. {@code log} stays real too: it only writes a log line.
 */
final class StubbedConnectors {
    static final String HTTP_REQUEST = "http.request";
    /** Actions that touch nothing outside the process, so they run as they are. */
    static final Set<String> REAL_ACTIONS = Set.of("log");

    private StubbedConnectors() {}

    static ConnectorCatalog catalog(ConnectorCatalog real, CaseRecorder recorder) {
        return new ConnectorCatalog(real.all().stream()
                .map(connector -> stubbed(connector, recorder))
                .toList());
    }

    /** Whether the test engine replaces this connector's nodes with a stub. */
    static boolean isStubbedAction(Connector connector) {
        return connector.spec().kind() == ConnectorKind.ACTION
                && !REAL_ACTIONS.contains(connector.spec().id());
    }

    private static Connector stubbed(Connector connector, CaseRecorder recorder) {
        if (connector.spec().kind() == ConnectorKind.TRIGGER) {
            return new Quiet(connector, null);
        }
        return isStubbedAction(connector) ? new Quiet(connector, recorder) : connector;
    }

    /** A connector with its metadata and checks, compiled without touching the outside world. */
    private static final class Quiet implements Connector {
        private final Connector real;
        /** Null for a trigger. */
        private final CaseRecorder recorder;

        Quiet(Connector real, CaseRecorder recorder) {
            this.real = real;
            this.recorder = recorder;
        }

        @Override
        public ConnectorSpec spec() {
            return real.spec();
        }

        @Override
        public List<PortSpec> outputs(NodeConfig config) {
            return real.outputs(config);
        }

        @Override
        public List<ConfigProblem> validate(NodeConfig config) {
            return real.validate(config);
        }

        /** A test never waits for a retry: a stub's failure is final (see FlowTestRunner#withoutRetries). */
        @Override
        public Optional<RetryPolicy> retryPolicy(NodeConfig config) {
            return Optional.empty();
        }

        @Override
        public Optional<RetryPolicy> defaultRetryPolicy() {
            return Optional.empty();
        }

        @Override
        public void compile(NodeContext node) {
            if (recorder == null) {
                // nothing ever sends here: events enter through the engine's inject route for this trigger.
                // A trigger that answers HTTP callers hands its events to the inbox, as the real one does,
                // so a data contract that rejects broken events is enforced in tests too
                RouteDefinition from = node.from("direct:sb.flowtest." + node.flowId() + "." + node.nodeId());
                if (real.httpPaths(node.config()).isEmpty()) {
                    node.emit(from, PortSpec.OUT);
                } else {
                    node.accept(from);
                }
                return;
            }
            String nodeId = node.nodeId();
            boolean http = real.spec().id().equals(HTTP_REQUEST);
            boolean keepOriginal =
                    http && node.config().string("output", "response").equals("original");
            // the request the real node would send, rendered by its own code: tests see its URL, headers and body
            RequestTemplate request = http ? new RequestTemplate(node.config()) : null;
            node.emit(
                    node.route().process(exchange -> {
                        Event event = exchange.getIn().getBody(Event.class);
                        OutboundRequest sent = request == null ? null : request.render(event);
                        exchange.getIn()
                                .setBody(recorder.call(nodeId, http && !keepOriginal, keepOriginal, event, sent));
                    }),
                    PortSpec.OUT);
        }
    }
}
