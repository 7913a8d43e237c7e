package dev.switchboard.runtime.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.engine.MemoryInbox;
import dev.switchboard.runtime.engine.NodeSupervision;
import dev.switchboard.runtime.engine.RunTracker;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.secrets.SecretMask;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.validate.FlowValidator;
import dev.switchboard.runtime.validate.Problem;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The compiler checks each node's config the way the validator does, and names every problem with its pointer. */
class CompileChecksConfigTest {
    private static final ConnectorCatalog CATALOG = ConnectorCatalog.load();
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final NodeSupervision supervision = new NodeSupervision();
    private final FlowCompiler compiler = new FlowCompiler(
            CATALOG,
            SecretResolver.of(Map.of("TOKEN", "t0ken")),
            new Services(),
            new MemoryInbox(10, 1),
            new RunTracker(),
            null,
            new SecretMask(),
            supervision);

    @AfterEach
    void close() throws Exception {
        camel.close();
        supervision.close();
    }

    private static Flow flowOf(Node node) {
        return new Flow(FlowFormat.CURRENT, "f", "f", null, null, List.of(node), List.of(), null);
    }

    private static Node node(String id, String type, Object... config) {
        return new Node(id, type, null, ConfigValue.object(config), null);
    }

    @Test
    void everyGenericProblemIsNamedWithItsPointer() {
        Flow flow = flowOf(node(
                "f",
                "filter",
                "match",
                "some",
                "rules",
                ConfigValue.list(ConfigValue.object("field", "data.x", "op", "bogus", "value", 1))));

        FlowCompileException e = catchThrowableOfType(FlowCompileException.class, () -> compiler.compile(flow, camel));

        assertThat(e.getMessage())
                .startsWith("Node 'f' (filter): config/match: ")
                .contains("; config/rules/0/op: 'op' must be one of");
        assertThat(e.problems()).extracting(Problem::pointer).containsExactly("config/match", "config/rules/0/op");
    }

    @Test
    void theConnectorsOwnChecksRunToo() {
        Flow flow = flowOf(node(
                "f",
                "filter",
                "rules",
                ConfigValue.list(
                        ConfigValue.object("field", "data.x", "op", "matches", "value", "(unclosed"),
                        ConfigValue.object("field", "data.y", "op", "in", "value", 3))));

        FlowCompileException e = catchThrowableOfType(FlowCompileException.class, () -> compiler.compile(flow, camel));

        assertThat(e.problems())
                .extracting(Problem::pointer)
                .containsExactly("config/rules/0/value", "config/rules/1/value");
        assertThat(e.getMessage())
                .startsWith("Node 'f' (filter): config/rules/0/value: ")
                .contains("; config/rules/1/value: ");
    }

    @Test
    void compileReportsWhatTheValidatorReports() {
        Node bad = node("hook", "webhook", "path", "hooks", "method", "GET", "token", "plain", "maxBodySize", "1TB");
        Flow flow = flowOf(bad);

        List<String> validated = new FlowValidator(CATALOG)
                .validate(flow).stream()
                        .filter(p -> p.isError() && p.pointer().startsWith("/nodes/0/config"))
                        .map(p -> p.pointer().substring("/nodes/0/".length()) + ": " + p.message())
                        .toList();
        FlowCompileException e = catchThrowableOfType(FlowCompileException.class, () -> compiler.compile(flow, camel));

        assertThat(validated).isNotEmpty();
        assertThat(e.problems()).extracting(Problem::toString).containsExactlyElementsOf(validated);
    }

    @Test
    void aSecretWrittenInClearNeverCompiles() {
        Flow flow = flowOf(
                node("call", "http.request", "url", "https://example.com", "auth", "bearer", "token", "hunter2"));

        assertThatThrownBy(() -> compiler.compile(flow, camel))
                .isInstanceOf(FlowCompileException.class)
                .hasMessageStartingWith("Node 'call' (http.request): config/token: 'token' is a secret")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aNodesRetryIsCheckedAsTheRuntimesOwn() {
        Flow flow = flowOf(node("log", "log", "retry", ConfigValue.object("attempts", 0)));

        assertThatThrownBy(() -> compiler.compile(flow, camel))
                .isInstanceOf(FlowCompileException.class)
                .hasMessage(
                        "Node 'log' (log): config/retry/attempts: 'attempts' must be a whole number of at least 1 (the first try counts)");
    }

    @Test
    void aValidConfigCompiles() throws Exception {
        Flow flow = flowOf(node(
                "call",
                "http.request",
                "url",
                "https://example.com",
                "auth",
                "bearer",
                "token",
                "{{secret:TOKEN}}",
                "retry",
                ConfigValue.object("attempts", 2)));

        CompiledFlow compiled = compiler.compile(flow, camel);
        assertThat(compiled.routes()).extracting(r -> r.getRouteId()).contains("f:call");
        compiled.lifecycle().close();
    }
}
