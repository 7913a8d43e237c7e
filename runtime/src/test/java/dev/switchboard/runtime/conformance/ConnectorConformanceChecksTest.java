package dev.switchboard.runtime.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What the suite refuses, one mistake at a time, and that it says which. */
class ConnectorConformanceChecksTest {
    private static final String HELP = """
            Passes events on.

            ```json example
            { "level": "info" }
            ```
            """;

    /** A step that conforms; each test breaks one thing. */
    private static Connector step(UnaryOperator<ConnectorSpec.Builder> change) {
        ConnectorSpec spec = change.apply(ConnectorSpec.builder("acme.pass", ConnectorKind.STEP)
                        .category("Logic")
                        .title("Pass")
                        .description("Passes events on")
                        .icon("check")
                        .properties(PropertySpec.builder("level", PropertyType.ENUM)
                                .title("Level")
                                .options("info", "warn")
                                .defaultValue("info")
                                .build())
                        .help(HELP))
                .build();
        return new Connector() {
            @Override
            public ConnectorSpec spec() {
                return spec;
            }

            @Override
            public void compile(NodeContext node) {
                node.emit(node.route(), PortSpec.OUT);
            }
        };
    }

    @Test
    void aConformingConnectorHasNoFailures() {
        assertThat(ConnectorConformance.failures(step(b -> b))).isEmpty();
    }

    @Test
    void eachMistakeIsNamed() {
        assertThat(ConnectorConformance.failures(step(b -> b.icon("unicorn"))))
                .singleElement()
                .asString()
                .startsWith("icon 'unicorn' must be a Feather icon name");
        assertThat(ConnectorConformance.failures(step(b -> b.title("acme.pass"))))
                .singleElement()
                .asString()
                .startsWith("title must name the connector");
        assertThat(ConnectorConformance.failures(
                        step(b -> b.outputs(PortSpec.out(), PortSpec.of(PortSpec.ERROR, "error", "")))))
                .singleElement()
                .asString()
                .startsWith("output 'error' is the runtime's");
        assertThat(ConnectorConformance.failures(step(b -> b.properties(PropertySpec.builder("level", PropertyType.ENUM)
                        .title("Level")
                        .options("info", "warn")
                        .defaultValue("loud")
                        .build()))))
                .anySatisfy(f -> assertThat(f).startsWith("the default of 'level' is not one of its options"))
                .anySatisfy(f -> assertThat(f).startsWith("the default of 'level' does not pass the generic check"));
        assertThat(ConnectorConformance.failures(step(b -> b.help(HELP + HELP))))
                .singleElement()
                .asString()
                .startsWith("help has 2 blocks marked ```json example");
    }

    @Test
    void aTriggerNeedsASampleEventAndAnExampleMustValidate() {
        ConnectorSpec trigger = ConnectorSpec.builder("acme.tick", ConnectorKind.TRIGGER)
                .category("Triggers")
                .title("Tick")
                .description("Ticks")
                .icon("clock")
                .help(HELP)
                .build();
        Connector connector = new Connector() {
            @Override
            public ConnectorSpec spec() {
                return trigger;
            }

            @Override
            public void compile(NodeContext node) {
                node.emit(node.from("timer:tick"), PortSpec.OUT);
            }
        };

        assertThat(ConnectorConformance.failures(connector))
                .containsExactly("a trigger needs a sampleEvent: the data of a typical event, for field suggestions");
        Connector withSample = new Connector() {
            @Override
            public ConnectorSpec spec() {
                return ConnectorSpec.builder("acme.tick", ConnectorKind.TRIGGER)
                        .category("Triggers")
                        .title("Tick")
                        .description("Ticks")
                        .icon("clock")
                        .help(HELP)
                        .sampleEvent("{\"n\": 1}")
                        .build();
            }

            @Override
            public void compile(NodeContext node) {
                node.emit(node.from("timer:tick"), PortSpec.OUT);
            }
        };
        // the example sets 'level', which this trigger does not have
        assertThat(ConnectorConformance.failures(withSample))
                .singleElement()
                .asString()
                .startsWith(
                        "the example config does not pass the node check (error): config/level: Unknown property 'level'");
    }

    @Test
    void anExampleThatDoesNotCompileFailsWithTheCompilersMessage() {
        Connector failing = new Connector() {
            private final Connector base = step(b -> b);

            @Override
            public ConnectorSpec spec() {
                return base.spec();
            }

            @Override
            public void compile(NodeContext node) {
                throw new IllegalArgumentException("no such level on this host");
            }
        };

        assertThat(ConnectorConformance.failures(failing))
                .containsExactly(
                        "the example config does not compile: Node 'node' (acme.pass): no such level on this host");
    }
}
