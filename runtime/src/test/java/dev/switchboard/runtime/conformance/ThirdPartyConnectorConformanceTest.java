package dev.switchboard.runtime.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector from outside this project — compiled into its own jar at test time and loaded
 * through a class loader of its own, as {@code switchboard} would load a plug-in — passes the same
 * suite the built-ins pass; a broken one fails it, saying what is wrong.
 */
class ThirdPartyConnectorConformanceTest extends ConnectorConformance {
    @TempDir
    static Path work;

    static URLClassLoader goodJar;
    static URLClassLoader brokenJar;

    @BeforeAll
    static void buildJars() throws IOException {
        goodJar = load(ConnectorJar.build(
                work,
                "greet",
                Map.of("com.example.greet.GreetConnector", source("greet.md")),
                Map.of(
                        "com/example/greet/greet.md",
                        HELP_WITH_EXAMPLE,
                        ConnectorJar.SERVICES,
                        "com.example.greet.GreetConnector\n")));
        brokenJar = load(ConnectorJar.build(
                work,
                "broken",
                Map.of("com.example.greet.GreetConnector", source("greet.md")),
                Map.of(
                        "com/example/greet/greet.md",
                        "Adds a greeting. No example here.\n",
                        ConnectorJar.SERVICES,
                        "com.example.greet.GreetConnector\n")));
    }

    @AfterAll
    static void close() throws IOException {
        goodJar.close();
        brokenJar.close();
    }

    private static URLClassLoader load(Path jar) throws IOException {
        return new URLClassLoader(
                new URL[] {jar.toUri().toURL()}, ThirdPartyConnectorConformanceTest.class.getClassLoader());
    }

    /** The catalog sees the class path's connectors too; these are the ones the jar brought. */
    private static List<Connector> fromJar(URLClassLoader jar) {
        return ConnectorCatalog.load(jar).all().stream()
                .filter(c -> c.getClass().getClassLoader() == jar)
                .toList();
    }

    @Override
    protected List<Connector> connectors() {
        return fromJar(goodJar);
    }

    @Test
    void theJarsConnectorIsFoundThroughItsServicesFile() {
        assertThat(connectors()).singleElement().satisfies(c -> {
            assertThat(c.spec().id()).isEqualTo("greet.hello");
            assertThat(c.spec().example()).isEqualTo("{ \"greeting\": \"Hello {{data.name}}\" }");
        });
    }

    @Test
    void aConnectorWithoutAHelpExampleFailsTheSuiteSayingSo() {
        Connector broken = fromJar(brokenJar).get(0);

        assertThat(failures(broken))
                .containsExactly(
                        "help has no worked example: add a block marked ```json example holding a node's config");
        assertThatThrownBy(() -> assertConforms(broken))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Connector 'greet.hello' (com.example.greet.GreetConnector) does not conform:\n"
                        + " - help has no worked example: add a block marked ```json example holding a node's config");
    }

    private static final String HELP_WITH_EXAMPLE = """
            Adds a greeting to the event's data, under **Field**.

            ```json example
            { "greeting": "Hello {{data.name}}" }
            ```
            """;

    private static String source(String help) {
        return """
                package com.example.greet;

                import dev.switchboard.connector.spi.ConfigProblem;
                import dev.switchboard.connector.spi.Connector;
                import dev.switchboard.connector.spi.ConnectorKind;
                import dev.switchboard.connector.spi.ConnectorSpec;
                import dev.switchboard.connector.spi.Event;
                import dev.switchboard.connector.spi.NodeContext;
                import dev.switchboard.connector.spi.PortSpec;
                import dev.switchboard.connector.spi.PropertySpec;
                import dev.switchboard.connector.spi.PropertyType;
                import dev.switchboard.connector.spi.config.NodeConfig;
                import dev.switchboard.connector.support.Template;
                import java.util.List;

                public final class GreetConnector implements Connector {
                    private static final ConnectorSpec SPEC = ConnectorSpec.builder("greet.hello", ConnectorKind.STEP)
                            .category("Transform").title("Greet").description("Adds a greeting to the event data")
                            .icon("smile")
                            .outputs(PortSpec.out())
                            .properties(
                                    PropertySpec.builder("greeting", PropertyType.TEMPLATE).title("Greeting").required().build(),
                                    PropertySpec.builder("field", PropertyType.STRING).title("Field").defaultValue("greeting").build())
                            .helpResource(GreetConnector.class, "%s")
                            .build();

                    @Override
                    public ConnectorSpec spec() {
                        return SPEC;
                    }

                    @Override
                    public List<ConfigProblem> validate(NodeConfig config) {
                        return config.string("field", "greeting").contains(".")
                                ? List.of(new ConfigProblem("/field", "a top-level field name, without dots")) : List.of();
                    }

                    @Override
                    public void compile(NodeContext node) {
                        Template greeting = Template.parse(node.config().requireString("greeting"));
                        String field = node.config().string("field", "greeting");
                        node.emit(node.route().process(exchange -> {
                            Event event = exchange.getIn().getBody(Event.class);
                            exchange.getIn().setBody(event.withData(
                                    ((com.fasterxml.jackson.databind.node.ObjectNode) event.data().deepCopy())
                                            .put(field, greeting.render(event))));
                        }), PortSpec.OUT);
                    }
                }
                """.formatted(help);
    }
}
