package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SchemasCommandTest {
    static final String V1 = """
            {"type": "object",
             "properties": {"id": {"type": "string"}, "status": {"enum": ["new", "paid"]}},
             "required": ["id"]}
            """;
    /** Compatible with V1 under BACKWARD: an optional field added. */
    static final String V2 = """
            {"type": "object",
             "properties": {"id": {"type": "string"}, "status": {"enum": ["new", "paid"]},
                            "note": {"type": "string"}},
             "required": ["id"]}
            """;
    /** Breaks V2 under BACKWARD: a required field added, an enum value removed, the object closed. */
    static final String BREAKING = """
            {"type": "object",
             "properties": {"id": {"type": "string"}, "status": {"enum": ["new"]},
                            "note": {"type": "string"}, "total": {"type": "number"}},
             "required": ["id", "total"],
             "additionalProperties": false}
            """;

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SwitchboardCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--dir", dir.resolve("schemas").toString()));
        int code = cli.execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void registerAddsNumberedVersionsAndListAndShowReadThemBack() throws Exception {
        Result first = run("schemas", "register", "orders", file("v1.json", V1).toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("Registered orders@1");
        assertThat(dir.resolve("schemas/orders/1.schema.json")).hasContent(V1.strip());

        Result second = run("schemas", "register", "orders", file("v2.json", V2).toString());
        assertThat(second.out()).contains("Registered orders@2");
        Result again =
                run("schemas", "register", "orders", file("v2-again.json", V2).toString());
        assertThat(again.out()).contains("orders@2 already is this schema; nothing registered");

        run(
                "schemas",
                "register",
                "customers",
                file("c.json", "{\"type\": \"object\"}").toString(),
                "--compatibility",
                "full");
        Result list = run("schemas", "list");
        assertThat(list.code()).isZero();
        assertThat(list.out())
                .isEqualTo("customers  versions 1  latest 1  FULL\norders  versions 1,2  latest 2  BACKWARD\n");
        assertThat(dir.resolve("schemas/customers/subject.json")).content().contains("\"compatibility\" : \"FULL\"");

        assertThat(run("schemas", "show", "orders").out()).isEqualTo(V2);
        assertThat(run("schemas", "show", "orders@1").out()).isEqualTo(V1);
        assertThat(run("schemas", "show", "orders", "1").out()).isEqualTo(V1);
        Result missing = run("schemas", "show", "orders@9");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("No schema orders@9");
    }

    @Test
    void registerRefusesAnIncompatibleVersionListingEachBreakingChange() throws Exception {
        run("schemas", "register", "orders", file("v1.json", V1).toString());
        Result refused =
                run("schemas", "register", "orders", file("bad.json", BREAKING).toString());

        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err())
                .contains(
                        "error: The schema is not BACKWARD compatible with orders@1: 3 breaking change(s); not registered:")
                .contains("  /properties/status: enum value 'paid' removed")
                .contains("  /properties/total: required field 'total' added")
                .contains("  /additionalProperties: additionalProperties closed: fields not declared are refused");
        assertThat(dir.resolve("schemas/orders/2.schema.json")).doesNotExist();

        Result refusedFull =
                run("schemas", "register", "orders", file("bad1.json", BREAKING).toString(), "--compatibility", "FULL");
        assertThat(refusedFull.code()).isEqualTo(1);
        // a refused schema leaves the subject's mode as it was
        assertThat(dir.resolve("schemas/orders/subject.json")).doesNotExist();

        Result none =
                run("schemas", "register", "orders", file("bad2.json", BREAKING).toString(), "--compatibility", "NONE");
        assertThat(none.out()).contains("Registered orders@2");
    }

    @Test
    void checkSaysWhetherANewVersionIsCompatibleAndWhyNot() throws Exception {
        run("schemas", "register", "orders", file("v1.json", V1).toString());

        Result fine = run("schemas", "check", "orders", file("v2.json", V2).toString());
        assertThat(fine.code()).isZero();
        assertThat(fine.out()).startsWith("Compatible with orders@1 (BACKWARD)");

        Result broken =
                run("schemas", "check", "orders", file("bad.json", BREAKING).toString());
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.out())
                .contains("Not compatible with orders@1 (BACKWARD): 3 breaking change(s)")
                .contains("  /properties/total: required field 'total' added");
        assertThat(dir.resolve("schemas/orders/2.schema.json")).doesNotExist();

        Result fresh = run("schemas", "check", "invoices", file("i.json", V1).toString());
        assertThat(fresh.out()).contains("invoices has no version yet; this would be invoices@1");
    }

    @Test
    void badInputGetsAClearError() throws Exception {
        Result notJson = run(
                "schemas",
                "register",
                "orders",
                file("broken.json", "{\"type\": ").toString());
        assertThat(notJson.code()).isEqualTo(1);
        assertThat(notJson.err()).contains("is not valid JSON").contains("line 1");

        Result notASchema = run(
                "schemas",
                "register",
                "orders",
                file("wrong.json", "{\"type\": 5}").toString());
        assertThat(notASchema.code()).isEqualTo(1);
        assertThat(notASchema.err()).contains("is not a valid JSON Schema").contains("/type");

        Result badSubject =
                run("schemas", "register", "../escape", file("v1.json", V1).toString());
        assertThat(badSubject.code()).isEqualTo(1);
        assertThat(badSubject.err()).contains("'../escape' is not a valid subject");

        Result noFile =
                run("schemas", "check", "orders", dir.resolve("nope.json").toString());
        assertThat(noFile.err()).contains("No such file");

        Result badMode =
                run("schemas", "register", "orders", file("v1.json", V1).toString(), "--compatibility", "SIDEWAYS");
        assertThat(badMode.code()).isEqualTo(2);
        assertThat(badMode.err()).contains("'SIDEWAYS' is not a compatibility mode");
    }
}
