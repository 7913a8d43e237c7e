package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.admin.AdminApi;
import dev.switchboard.runtime.admin.AdminServer;
import dev.switchboard.runtime.admin.AdminToken;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.store.Store;
import dev.switchboard.runtime.store.StoreSchemas;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code switchboard schemas register --to}: through a real admin server on loopback into a real H2 store. */
class SchemasRegisterRemoteTest {
    private static final String TOKEN = "schemas-remote-token";

    @TempDir
    Path dir;

    private Store store;
    private SchemaRegistry registry;
    private AdminServer server;

    @BeforeEach
    void start() {
        store = Store.openDefault(dir.resolve("data"));
        registry = new SchemaRegistry(dir.resolve("runtime-schemas")).withStore(new StoreSchemas(store));
        server = new AdminServer(
                        "127.0.0.1",
                        0,
                        new AdminApi(null, null, null, registry),
                        new AdminToken(TOKEN, false, null),
                        List.of(),
                        AdminServer.DEFAULT_MAX_BODY_BYTES)
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    record Result(int code, String out, String err) {}

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SwitchboardCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private String file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    @Test
    void registersInTheRuntimesStoreAndShowsWhatARefusalBroke() throws Exception {
        String v1 = file("v1.json", SchemasCommandTest.V1);
        Result first = run("schemas", "register", "orders", v1, "--to", server.baseUrl(), "--token", TOKEN);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("Registered orders@1").contains(server.baseUrl());
        assertThat(registry.versions("orders")).containsExactly(1);
        assertThat(dir.resolve("schemas")).as("no local folder written").doesNotExist();

        Result again = run("schemas", "register", "orders", v1, "--to", server.baseUrl(), "--token", TOKEN);
        assertThat(again.out()).contains("orders@1 already is this schema");

        Result second = run(
                "schemas",
                "register",
                "orders",
                file("v2.json", SchemasCommandTest.V2),
                "--to",
                server.baseUrl(),
                "--token",
                TOKEN);
        assertThat(second.out()).contains("Registered orders@2");

        Result refused = run(
                "schemas",
                "register",
                "orders",
                file("breaking.json", SchemasCommandTest.BREAKING),
                "--to",
                server.baseUrl(),
                "--token",
                TOKEN);
        assertThat(refused.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(refused.err())
                .contains("not BACKWARD compatible with orders@2")
                .contains("HTTP 409")
                .contains("/properties/total")
                .contains("/properties/status");
        assertThat(registry.versions("orders")).containsExactly(1, 2);
    }

    @Test
    void aWrongTokenOrAnInvalidSchemaIsSaidPlainly() throws Exception {
        Result unauthorized = run(
                "schemas",
                "register",
                "orders",
                file("v1.json", SchemasCommandTest.V1),
                "--to",
                server.baseUrl(),
                "--token",
                "wrong");
        assertThat(unauthorized.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(unauthorized.err()).contains("HTTP 401");

        Result invalid = run(
                "schemas",
                "register",
                "orders",
                file("bad.json", "{\"type\": \"text\"}"),
                "--to",
                server.baseUrl(),
                "--token",
                TOKEN);
        assertThat(invalid.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(invalid.err()).contains("HTTP 400").contains("/type");
        assertThat(registry.subjects()).isEmpty();
    }
}
