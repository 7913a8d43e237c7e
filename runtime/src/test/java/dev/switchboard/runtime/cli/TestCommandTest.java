package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code switchboard test} end to end: files found in a folder, a readable diff, the exit code, JUnit XML. */
class TestCommandTest {
    private static final String FLOW = """
            {
              "format": "switchboard/flow@1",
              "id": "greetings",
              "nodes": [
                {"id": "hook", "type": "webhook", "config": {"path": "/hooks/greet"}},
                {"id": "named", "type": "filter", "config": {"match": "all", "rules": [{"field": "data.name", "op": "exists", "value": true}]}},
                {"id": "greet", "type": "map", "config": {"fields": {"greeting": "Hello, {{data.name}}!"}}},
                {"id": "save", "type": "file.write", "config": {"path": "out/greetings.jsonl", "format": "jsonl"}}
              ],
              "wires": [
                {"from": "hook", "to": "named"},
                {"from": "named", "port": "matched", "to": "greet"},
                {"from": "greet", "to": "save"}
              ]
            }
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void passingCasesAreTickedAndExitZero() throws IOException {
        write("""
                {"cases": [
                  {"name": "greets Ada", "events": [{"trigger": "hook", "data": {"name": "Ada"}}],
                   "expect": [{"node": "greet", "fields": {"data.greeting": "Hello, Ada!"}}, {"node": "save", "calls": 1}]},
                  {"name": "drops the nameless", "events": [{"trigger": "hook", "data": {}}],
                   "expect": [{"node": "named", "filtered": true}], "outcome": "filtered"}
                ]}
                """);

        int exit = run("test", dir.toString());

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString())
                .contains(dir.resolve("greetings.test.json") + " (flow greetings)")
                .containsPattern("  ✓ greets Ada \\(\\d+ ms\\)")
                .containsPattern("  ✓ drops the nameless \\(\\d+ ms\\)")
                .contains("2 case(s) in 1 file(s): 2 passed, 0 failed");
    }

    @Test
    void aFailingCasePrintsEachDifferenceWithItsPointerAndExitsOne() throws IOException {
        write("""
                {"cases": [
                  {"name": "greets Ada", "events": [{"trigger": "hook", "data": {"name": "Ada"}}]},
                  {"name": "expects a title", "events": [{"trigger": "hook", "data": {"name": "Ada"}}],
                   "expect": [{"node": "greet", "event": {"data": {"greeting": "Hello, Dr Ada!", "title": "Dr"}}}]}
                ]}
                """);

        int exit = run("test", dir.resolve("greetings.test.json").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .containsPattern("  ✗ expects a title \\(\\d+ ms\\)")
                .contains("      /cases/1/expect/0: the event leaving 'greet' through 'out' differs")
                .contains("        /data/greeting: expected \"Hello, Dr Ada!\", actual \"Hello, Ada!\"")
                .contains("        /data/title: expected \"Dr\", actual (missing)")
                .contains("2 case(s) in 1 file(s): 1 passed, 1 failed");
    }

    @Test
    void junitXmlHasASuitePerFileAndAFailurePerFailedCase() throws Exception {
        write("""
                {"cases": [
                  {"name": "greets Ada", "events": [{"trigger": "hook", "data": {"name": "Ada"}}]},
                  {"name": "wrong count", "events": [{"trigger": "hook", "data": {"name": "Ada"}}],
                   "expect": [{"node": "save", "calls": 2}]}
                ]}
                """);
        Files.writeString(dir.resolve("broken.test.json"), "{\"cases\": []}");
        Path report = dir.resolve("reports/flow-tests.xml");

        int exit = run("test", dir.toString(), "--junit", report.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .contains("  ✗ /cases: 'cases' must list at least one item")
                .contains("2 case(s) in 2 file(s): 1 passed, 1 failed, 1 file(s) could not run")
                .contains("JUnit report: " + report);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("3");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        NodeList suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        Element broken = (Element) suites.item(0);
        assertThat(broken.getAttribute("name")).endsWith("broken.test.json");
        assertThat(broken.getElementsByTagName("error").item(0).getTextContent())
                .contains("/cases: 'cases' must list at least one item");
        Element greetings = (Element) suites.item(1);
        NodeList cases = greetings.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        Element passed = (Element) cases.item(0);
        assertThat(passed.getAttribute("classname")).isEqualTo("greetings");
        assertThat(passed.getAttribute("name")).isEqualTo("greets Ada");
        assertThat(passed.getElementsByTagName("failure").getLength()).isZero();
        Element failure = (Element)
                ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("/cases/1/expect/0: expected 2 call(s) to 'save', got 1");
    }

    @Test
    void aFolderWithoutTestFilesFails() {
        int exit = run("test", dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("No test files found in [" + dir + "] (test files end in .test.json)");
    }

    private void write(String testJson) throws IOException {
        Files.writeString(dir.resolve("greetings.flow.json"), FLOW);
        Files.writeString(dir.resolve("greetings.test.json"), testJson);
    }

    private int run(String... args) {
        var cli = SwitchboardCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
