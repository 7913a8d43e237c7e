package dev.switchboard.runtime.conformance;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite every connector — built-in or third-party — must pass: metadata the
 * designer and {@code switchboard connectors} show (id, title, Feather icon, help with an example,
 * ports that fit its kind, properties whose defaults pass the generic check, a sample event for
 * triggers), and an example config that validates with no problem and compiles through the real
 * {@link dev.switchboard.runtime.engine.compile.FlowCompiler} into route definitions.
 *
 * <p>Use: depend on {@code switchboard-runtime}'s test-jar (and {@code ikonli-feather-pack}, test
 * scope), then either extend this class and override {@link #connectors()} — one dynamic test per
 * connector — or call {@link #assertConforms(Connector)} / {@link #failures(Connector)} from any test.
 */
public abstract class ConnectorConformance {

    /** The connectors under test; by default every connector on the class path. */
    protected List<Connector> connectors() {
        return ConnectorCatalog.load().all();
    }

    /**
     * Values for the {@code {{secret:NAME}}} references of the connectors' examples, where a stand-in
     * ({@code conformance-NAME}) would not do: a JDBC URL a connector parses while compiling.
     */
    protected Map<String, String> secrets() {
        return Map.of();
    }

    @TestFactory
    Stream<DynamicTest> everyConnectorConforms() {
        List<Connector> connectors = connectors();
        if (connectors.isEmpty()) {
            throw new AssertionError(
                    "No connectors to check: connectors() returned none (is the services file missing?)");
        }
        return connectors.stream().map(c -> DynamicTest.dynamicTest(c.spec().id(), () -> assertConforms(c, secrets())));
    }

    /** Passes when {@code connector} conforms; else fails naming the connector and everything wrong with it. */
    public static void assertConforms(Connector connector) {
        assertConforms(connector, Map.of());
    }

    /** {@link #assertConforms(Connector)} with values for some of the secrets its example references. */
    public static void assertConforms(Connector connector, Map<String, String> secrets) {
        List<String> failures = failures(connector, secrets);
        if (!failures.isEmpty()) {
            throw new AssertionError("Connector '" + connector.spec().id() + "' ("
                    + connector.getClass().getName() + ") does not conform:\n - " + String.join("\n - ", failures));
        }
    }

    /** Everything wrong with {@code connector}, one plain sentence each; empty when it conforms. */
    public static List<String> failures(Connector connector) {
        return failures(connector, Map.of());
    }

    /** {@link #failures(Connector)} with values for some of the secrets its example references. */
    public static List<String> failures(Connector connector, Map<String, String> secrets) {
        List<String> failures = new ArrayList<>(SpecChecks.check(connector));
        if (failures.isEmpty()) {
            // the example is only worth compiling once the spec it is read against is sound
            failures.addAll(ExampleChecks.check(connector, secrets));
        }
        return failures;
    }

    /** The built-in connectors: those shipped in the same jar (or classes folder) as the SPI. */
    public static List<Connector> builtIns(ConnectorCatalog catalog) {
        CodeSource spi = ConnectorCatalog.class.getProtectionDomain().getCodeSource();
        return catalog.all().stream()
                .filter(c -> Objects.equals(
                        c.getClass().getProtectionDomain().getCodeSource().getLocation(), spi.getLocation()))
                .toList();
    }
}
