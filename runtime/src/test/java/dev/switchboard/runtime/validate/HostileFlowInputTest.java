package dev.switchboard.runtime.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.bench.ChainFlow;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.FlowLimits;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowFormat;
import dev.switchboard.runtime.model.Node;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written to hurt: values that would make a message huge, numbers that expand to a billion
 * digits, graphs deep enough to overflow a recursive walk, text beyond the read limits. Each must
 * give a short, located problem, and the validator must stay up.
 */
class HostileFlowInputTest {
    private static final FlowValidator VALIDATOR = new FlowValidator(ConnectorCatalog.load());
    /** Generous for any real message; a value printed in full would be far longer. */
    private static final int SHORT_MESSAGE = 400;

    private static String webhookWithPath(String pathJson) {
        return "{\"format\": \"switchboard/flow@1\", \"id\": \"f\", \"nodes\": [\n"
                + "  {\"id\": \"hook\", \"type\": \"webhook\", \"config\": {\"path\": " + pathJson + "}}\n]}";
    }

    @Test
    void hugeExponentWhereTextIsExpectedIsRefusedWhereItStandsWithoutExpandingIt() {
        ValidationResult result = VALIDATOR.validate(webhookWithPath("1e999999999"));

        assertThat(result.isValid()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(56);
            assertThat(p.message())
                    .startsWith("The number 1e999999999 has too many digits: written out it would have "
                            + "1,000,000,000 (flow files allow at most 1,000)");
            assertThat(p.message()).hasSizeLessThan(SHORT_MESSAGE);
        });
    }

    @Test
    void longNumberWhereTextIsExpectedIsQuotedShortened() {
        String digits = "9".repeat(900);

        Problem problem = VALIDATOR.validate(webhookWithPath(digits)).problems().get(0);

        assertThat(problem.pointer()).isEqualTo("/nodes/0/config/path");
        assertThat(problem.message())
                .isEqualTo("'path' must be text (a JSON string), not " + "9".repeat(60) + "… (900 characters)");
    }

    @Test
    void longTextIsQuotedShortenedWithItsLength() {
        String longPath = "/hooks/" + "a".repeat(100_000) + " x";

        List<Problem> problems =
                VALIDATOR.validate(webhookWithPath("\"" + longPath + "\"")).problems();

        assertThat(problems).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/nodes/0/config/path");
            assertThat(p.message()).contains("'/hooks/aaaa").contains("…' (100,009 characters)");
            assertThat(p.message()).hasSizeLessThan(SHORT_MESSAGE);
        });
    }

    @Test
    void longValuesInEveryKindOfMessageStayShort() {
        String longId = "n" + "x".repeat(5_000);
        String longText = "y".repeat(5_000);
        String longKey = "k".repeat(FlowLimits.MAX_NAME_LENGTH);
        String json = """
                {"format": "switchboard/flow@1", "id": "f", "nodes": [
                  {"id": "hook", "type": "webhook", "config": {"path": "/hooks/a", "method": "%2$s"}},
                  {"id": "%1$s", "type": "%2$s"},
                  {"id": "log", "type": "log", "config": {"%3$s": 1, "message": "{{data | %2$s}}"}}
                ], "wires": [{"from": "hook", "to": "%2$s"}, {"from": "hook", "port": "%2$s", "to": "log"}]}
                """.formatted(longId, longText, longKey);

        List<Problem> problems = VALIDATOR.validate(json).problems();

        assertThat(problems).hasSizeGreaterThanOrEqualTo(5);
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).hasSizeLessThan(SHORT_MESSAGE));
    }

    @Test
    void textLongerThanTheLimitIsReportedWithLineAndColumn() {
        String json = "{\"format\": \"switchboard/flow@1\",\n \"id\": \"f\", \"name\": \""
                + "x".repeat(20 * 1024 * 1024) + "\", \"nodes\": []}";

        Problem problem = VALIDATOR.validate(json).problems().get(0);

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.column()).isEqualTo(21); // the opening quote
        assertThat(problem.message())
                .isEqualTo("A text value is longer than 1,000,000 characters (the most a flow file allows)");
    }

    @Test
    void nestingDeeperThanTheLimitIsReportedWithLineAndColumn() {
        String json =
                "{\"format\": \"switchboard/flow@1\", \"id\": \"f\", \"nodes\": [{\"id\": \"m\", \"type\": \"map\",\n"
                        + "\"config\": {\"fields\": " + "[".repeat(1_001) + "]".repeat(1_001) + "}}]}";

        Problem problem = VALIDATOR.validate(json).problems().get(0);

        assertThat(problem.line()).isEqualTo(2);
        // line 2 starts with 21 characters; the envelope takes four levels, so the 997th bracket opens level 1,001
        assertThat(problem.column()).isEqualTo(21 + 997);
        assertThat(problem.message())
                .isEqualTo("Objects and arrays are nested more than 1,000 levels deep (the most a flow file allows)");
    }

    @Test
    void nestingUpToTheLimitIsRead() throws Exception {
        // the envelope takes four levels ({, nodes [, node {, config {), the value the rest
        String json =
                "{\"format\": \"switchboard/flow@1\", \"id\": \"f\", \"nodes\": [{\"id\": \"m\", \"type\": \"x\", "
                        + "\"config\": {\"deep\": " + "[".repeat(FlowLimits.MAX_NESTING_DEPTH - 4)
                        + "]".repeat(FlowLimits.MAX_NESTING_DEPTH - 4) + "}}]}";

        assertThat(FlowCodec.parseTree(json).at("/nodes/0/config/deep").isArray())
                .isTrue();
    }

    @Test
    void invalidUtf8IsReportedWithLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.flow.json");
        Files.write(
                file,
                concat(
                        "{\n  \"format\": \"switchboard/flow@1\",\n  \"id\": \"u\",\n  \"name\": \"café "
                                .getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xFF},
                        "\",\n  \"nodes\": []\n}\n".getBytes(StandardCharsets.UTF_8)));

        List<FlowFileValidator.FileReport> reports =
                new FlowFileValidator(ConnectorCatalog.load()).validate(List.of(file));

        Problem problem = reports.get(0).result().problems().get(0);
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(17);
        assertThat(problem.message()).startsWith("Not UTF-8: the byte 0xFF is not part of a UTF-8 character");
        assertThat(reports.get(0).describe(problem)).contains("bad.flow.json: line 4, column 17: Not UTF-8");
    }

    @Test
    void fileBeyondTheSizeLimitIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.flow.json");
        Files.write(file, new byte[(int) FlowLimits.MAX_FILE_BYTES + 1]);

        Problem problem = new FlowFileValidator(ConnectorCatalog.load())
                .validate(List.of(file))
                .get(0)
                .result()
                .problems()
                .get(0);

        assertThat(problem.message())
                .isEqualTo("The file has 33,554,433 bytes; a flow file may have at most 33,554,432");
    }

    @Test
    void chainOfTenThousandNodesValidatesWithoutOverflowingTheStack() throws Exception {
        String json = ChainFlow.json("chain", 10_000);
        Flow flow = ChainFlow.flow("chain", 10_000);

        ValidationResult fromText = onSmallStack(() -> VALIDATOR.validate(json));
        List<Problem> inMemory = onSmallStack(() -> VALIDATOR.validate(flow));

        assertThat(fromText.problems()).isEmpty();
        assertThat(inMemory).isEmpty();
    }

    @Test
    void loopThroughTenThousandNodesIsReportedOnceAndBriefly() throws Exception {
        Flow loop = ChainFlow.loop("loop", 10_000);

        List<Problem> problems = onSmallStack(() -> VALIDATOR.validate(loop));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/wires/9999");
            assertThat(p.message())
                    .isEqualTo("These wires form a loop, so events would circle forever: "
                            + "step-1 → step-2 → step-3 → step-4 → step-5 → … → step-9996 → step-9997 → step-9998 → step-9999 → step-1"
                            + " (9999 nodes)");
        });
    }

    @Test
    void inMemoryNumberTooLongToWriteIsReportedAtItsPointerNotExpanded() {
        Flow flow = new Flow(
                FlowFormat.CURRENT,
                "f",
                null,
                null,
                null,
                List.of(new Node(
                        "hook", "webhook", null, ConfigValue.object("path", new BigDecimal("1e999999999")), null)),
                List.of(),
                ConfigValue.Fields.EMPTY);

        List<Problem> problems = VALIDATOR.validate(flow);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/nodes/0/config/path");
            assertThat(p.property()).isEqualTo("path");
            assertThat(p.message())
                    .isEqualTo("The number 1E+999999999 has too many digits to be written out "
                            + "(flow files allow at most 1000)");
        });
        assertThat(FlowCodec.write(flow)).contains("\"path\": 1E+999999999").hasSizeLessThan(500);
    }

    /** Runs on a thread with a small stack: a walk that recursed once per node would overflow it. */
    private static <T> T onSmallStack(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        new Thread(null, task, "small-stack", 256 * 1024).start();
        return task.get();
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
