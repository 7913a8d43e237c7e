package dev.switchboard.runtime.cli;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.flowtest.FlowTestResult;
import dev.switchboard.runtime.flowtest.FlowTestResult.CaseResult;
import dev.switchboard.runtime.flowtest.FlowTestRunner;
import dev.switchboard.runtime.flowtest.JUnitXml;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code switchboard test <files or folders> [--junit FILE]}: runs flow tests headless, for CI (docs/flow-tests.md). */
@Command(
        name = "test",
        description = {
            "Runs flow tests (*.test.json beside the flows) headless: pinned events enter at the triggers, actions are stubbed, nothing connects to a broker or the network.",
            "Prints each case and, for a failed one, every unmet expectation with the JSON pointer of each difference. Format: docs/flow-tests.md."
        },
        exitCodeList = {
            ExitCodes.OK_LINE,
            "1:a case failed, a test file could not run, or no test file was found",
            ExitCodes.USAGE_LINE
        })
final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Test files (*.test.json) or folders holding them.")
    List<Path> paths;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML to FILE.")
    Path junit;

    @Option(
            names = "--log-level",
            paramLabel = "LEVEL",
            description = "Log level while the flows run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            defaultValue = "warn")
    LogSetup.LogLevel logLevel;

    @Override
    public Integer call() throws Exception {
        LogSetup.apply(LogSetup.Format.text, logLevel);
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files;
        try {
            files = FlowTestRunner.findTestFiles(paths);
        } catch (NoSuchFileException e) {
            throw new CommandFailure("No such file or folder: " + e.getFile(), e);
        }
        if (files.isEmpty()) {
            throw new CommandFailure("No test files found in " + paths + " (test files end in .test.json)");
        }
        List<FlowTestResult> results = new FlowTestRunner(ConnectorCatalog.load()).runAll(files);
        results.forEach(result -> print(result, out));
        long cases = results.stream().mapToLong(r -> r.cases().size()).sum();
        long failed = results.stream().mapToLong(FlowTestResult::failedCases).sum();
        long unrunnable = results.stream().filter(r -> !r.problems().isEmpty()).count();
        out.println(cases + " case(s) in " + results.size() + " file(s): " + (cases - failed) + " passed, " + failed
                + " failed" + (unrunnable == 0 ? "" : ", " + unrunnable + " file(s) could not run"));
        if (junit != null) {
            JUnitXml.write(results, junit);
            out.println("JUnit report: " + junit);
        }
        out.flush();
        return failed == 0 && unrunnable == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static void print(FlowTestResult result, PrintWriter out) {
        out.println(result.testFile() + (result.flowId() == null ? "" : " (flow " + result.flowId() + ")"));
        result.problems().forEach(problem -> out.println("  ✗ " + problem));
        for (CaseResult testCase : result.cases()) {
            out.println("  " + (testCase.passed() ? "✓ " : "✗ ") + testCase.name() + " (" + millis(testCase.duration())
                    + ")");
            if (!testCase.passed()) {
                JUnitXml.describe(testCase.failures()).lines().forEach(line -> out.println("      " + line));
            }
        }
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
