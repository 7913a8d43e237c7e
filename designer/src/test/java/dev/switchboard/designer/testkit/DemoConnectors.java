package dev.switchboard.designer.testkit;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;

/**
 * Test-only connectors shaped like webhook, filter and http.request, so the designer's tests do
 * not depend on which real connectors are on the class path. They are never compiled.
 */
public final class DemoConnectors {
    private DemoConnectors() {}

    abstract static class Base implements Connector {
        @Override
        public void compile(NodeContext node) {
            throw new UnsupportedOperationException("demo connectors exist for the designer's tests only");
        }
    }

    /** The demo webhook's help: Markdown with a heading, inline styles, a list, a link and a JSON example. */
    public static final String WEBHOOK_HELP = """
            ## Receiving requests
            Starts the flow when a **POST** arrives at *Path*; the body becomes `data`.

            - answers `202` once the event is stored
            - see [the guide](https://example.org/hooks) for signatures

            Example — a minimal config:
            ```json
            { "path": "/hooks/leads", "method": "POST" }
            ```
            """;

    /** Like webhook: a trigger with a path, an optional secret, a sample event and Markdown help. */
    public static final class Webhook extends Base {
        @Override
        public ConnectorSpec spec() {
            return ConnectorSpec.builder("demo.webhook", ConnectorKind.TRIGGER)
                    .title("Demo webhook")
                    .description("Receives HTTP POSTs")
                    .icon("download-cloud")
                    .properties(
                            PropertySpec.builder("path", PropertyType.STRING)
                                    .title("Path")
                                    .required()
                                    .placeholder("/hooks/name")
                                    .description("Where the webhook listens")
                                    .build(),
                            PropertySpec.builder("secret", PropertyType.SECRET)
                                    .title("Signing secret")
                                    .build(),
                            PropertySpec.builder("method", PropertyType.ENUM)
                                    .title("Method")
                                    .options("POST", "PUT")
                                    .defaultValue("POST")
                                    .required()
                                    .build())
                    .sampleEvent(
                            "{\"customer\":{\"name\":\"Ada\",\"email\":\"ada@example.org\"},\"score\":72,\"items\":[{\"sku\":\"A1\"}]}")
                    .help(WEBHOOK_HELP)
                    .build();
        }
    }

    /** Like filter: a step with two outputs and a list of rules. */
    public static final class Filter extends Base {
        @Override
        public ConnectorSpec spec() {
            return ConnectorSpec.builder("demo.filter", ConnectorKind.STEP)
                    .title("Demo filter")
                    .description("Lets matching events through")
                    .icon("filter")
                    .outputs(
                            PortSpec.of("matched", "matched", "Events that match"),
                            PortSpec.of("rejected", "rejected", "Events that do not"))
                    .properties(
                            PropertySpec.builder("field", PropertyType.STRING)
                                    .title("Field")
                                    .required()
                                    .placeholder("data.score")
                                    .build(),
                            PropertySpec.builder("op", PropertyType.ENUM)
                                    .title("Operator")
                                    .required()
                                    .options("gt", "lt", "eq")
                                    .defaultValue("gt")
                                    .build(),
                            PropertySpec.builder("value", PropertyType.NUMBER)
                                    .title("Value")
                                    .required()
                                    .build(),
                            PropertySpec.builder("rules", PropertyType.LIST)
                                    .title("Rule")
                                    .items(
                                            PropertySpec.builder("field", PropertyType.STRING)
                                                    .title("Field")
                                                    .required()
                                                    .build(),
                                            PropertySpec.builder("op", PropertyType.ENUM)
                                                    .title("Operator")
                                                    .options("gt", "lt")
                                                    .build())
                                    .build())
                    .build();
        }
    }

    /** Like http.request: an action with template, key/value, secret, duration and a conditional field. */
    public static final class Http extends Base {
        @Override
        public ConnectorSpec spec() {
            return ConnectorSpec.builder("demo.http", ConnectorKind.ACTION)
                    .title("Demo HTTP request")
                    .description("Calls an HTTP endpoint")
                    .icon("globe")
                    .outputs(PortSpec.out(), PortSpec.of(PortSpec.ERROR, "error", "Failed calls"))
                    .properties(
                            PropertySpec.builder("url", PropertyType.TEMPLATE)
                                    .title("URL")
                                    .required()
                                    .build(),
                            PropertySpec.builder("method", PropertyType.ENUM)
                                    .title("Method")
                                    .options("GET", "POST", "PUT")
                                    .defaultValue("POST")
                                    .required()
                                    .build(),
                            PropertySpec.builder("headers", PropertyType.KEY_VALUE)
                                    .title("Headers")
                                    .build(),
                            PropertySpec.builder("body", PropertyType.TEMPLATE)
                                    .title("Body")
                                    .visibleWhen("method=POST|PUT")
                                    .build(),
                            PropertySpec.builder("token", PropertyType.SECRET)
                                    .title("Bearer token")
                                    .build(),
                            PropertySpec.builder("timeout", PropertyType.DURATION)
                                    .title("Timeout")
                                    .defaultValue("10s")
                                    .build(),
                            PropertySpec.builder("retries", PropertyType.INTEGER)
                                    .title("Retries")
                                    .build(),
                            PropertySpec.builder("followRedirects", PropertyType.BOOLEAN)
                                    .title("Follow redirects")
                                    .defaultValue(true)
                                    .build())
                    .build();
        }
    }
}
