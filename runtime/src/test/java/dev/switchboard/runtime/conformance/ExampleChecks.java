package dev.switchboard.runtime.conformance;

import dev.switchboard.connector.ingress.IngressComponent;
import dev.switchboard.connector.ingress.IngressServer;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.DedupeStore;
import dev.switchboard.connector.spi.FileSandbox;
import dev.switchboard.connector.spi.OnlineModelStore;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.DirectoryFileSandbox;
import dev.switchboard.runtime.engine.MemoryInbox;
import dev.switchboard.runtime.engine.NodeSupervision;
import dev.switchboard.runtime.engine.RunTracker;
import dev.switchboard.runtime.engine.compile.CompiledFlow;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.engine.compile.FlowCompiler;
import dev.switchboard.runtime.engine.compile.Services;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.MalformedFlowException;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.secrets.SecretMask;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.validate.NodeConfigCheck;
import dev.switchboard.runtime.validate.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;

/**
 * A connector's example config (its help's {@code ```json example} block) must pass the node check
 * without a single problem and compile, alone in a flow, through the real {@link FlowCompiler} into
 * route definitions. Nothing is started: no broker, server or database is needed.
 */
final class ExampleChecks {
    static final String FLOW = "conformance";
    static final String NODE = "node";

    private ExampleChecks() {}

    static List<String> check(Connector connector, Map<String, String> secretValues) {
        ConfigValue.Fields config;
        try {
            config = (ConfigValue.Fields)
                    FlowCodec.toConfigValue(FlowCodec.parseTree(connector.spec().example()));
        } catch (MalformedFlowException | ClassCastException e) {
            return List.of("the help's example config is not a JSON object: " + e.getMessage());
        }
        List<String> failures = new ArrayList<>();
        for (Problem p : NodeConfigCheck.check(connector, config, "config", NODE)) {
            failures.add("the example config does not pass the node check ("
                    + p.severity().name().toLowerCase() + "): " + p);
        }
        if (!failures.isEmpty()) {
            return failures;
        }
        failures.addAll(ports(connector, new NodeConfig(config)));
        failures.addAll(compile(connector, config, secretValues));
        return failures;
    }

    private static List<String> ports(Connector connector, NodeConfig config) {
        List<PortSpec> outputs = connector.outputs(config);
        List<String> failures = new ArrayList<>();
        List<String> names = outputs.stream().map(PortSpec::name).toList();
        if (names.contains(PortSpec.ERROR)) {
            failures.add("outputs(example) includes 'error', which is the runtime's port");
        }
        if (names.stream().distinct().count() != names.size()) {
            failures.add("outputs(example) names a port twice: " + names);
        }
        if (outputs.isEmpty() && connector.spec().kind() != ConnectorKind.ACTION) {
            failures.add("outputs(example) is empty: a " + connector.spec().kind() + "'s events must go on somewhere");
        }
        return failures;
    }

    private static List<String> compile(
            Connector connector, ConfigValue.Fields config, Map<String, String> secretValues) {
        Path data = null;
        try (DefaultCamelContext camel = new DefaultCamelContext();
                NodeSupervision supervision = new NodeSupervision()) {
            data = Files.createTempDirectory("conformance");
            camel.addComponent(IngressComponent.SCHEME, new IngressComponent(new IngressServer("127.0.0.1", 0)));
            Services services = new Services()
                    .register(FileSandbox.class, new DirectoryFileSandbox(data))
                    .register(DedupeStore.class, new NoDedupeStore())
                    .register(OnlineModelStore.class, new NoOnlineModels());
            // a secret the example references resolves to a stand-in unless given: compiling must not need real ones
            SecretResolver secrets = new SecretResolver(name -> secretValues.getOrDefault(name, "conformance-" + name));
            FlowCompiler compiler = new FlowCompiler(
                    new ConnectorCatalog(List.of(connector)),
                    secrets,
                    services,
                    new MemoryInbox(16, 1),
                    new RunTracker(),
                    null,
                    new SecretMask(),
                    supervision);
            Node node = new Node(NODE, connector.spec().id(), null, config, null);
            CompiledFlow compiled = compiler.compile(
                    new Flow(FlowFormat.CURRENT, FLOW, FLOW, null, null, List.of(node), List.of(), null), camel);
            // what the node set up outside its route (registry beans, pools) is released as on an undeploy
            compiled.lifecycle().close();
            List<RouteDefinition> routes = compiled.routes();
            if (routes.stream().noneMatch(r -> (FLOW + ":" + NODE).equals(r.getRouteId()))) {
                return List.of(
                        "compiling the example gave no route '" + FLOW + ":" + NODE + "' (a connector must start "
                                + "its route with NodeContext.from or append to NodeContext.route)");
            }
            return List.of();
        } catch (FlowCompileException e) {
            return List.of("the example config does not compile: " + e.getMessage());
        } catch (Exception | LinkageError e) {
            return List.of("compiling the example threw " + e);
        } finally {
            delete(data);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiling never asks; a dedupe node only reads and writes its store while events run. */
    private static final class NoDedupeStore implements DedupeStore {
        @Override
        public boolean seen(String scope, String key) {
            return false;
        }

        @Override
        public void remember(String scope, String key, Duration window) {}
    }

    /** Compiling never asks; score and learn nodes only read and write online models while events run. */
    private static final class NoOnlineModels implements OnlineModelStore {
        @Override
        public java.util.Optional<State> load(String name) {
            return java.util.Optional.empty();
        }

        @Override
        public boolean save(String name, State state, long expectedVersion) {
            return true;
        }
    }
}
