package dev.switchboard.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.flowtest.FlowTestCodec;
import dev.switchboard.runtime.flowtest.FlowTestResult;
import dev.switchboard.runtime.flowtest.FlowTestRunner;
import dev.switchboard.runtime.flowtest.JUnitXml;
import dev.switchboard.runtime.format.FlowFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every sample ships with flow tests, and they pass through the same runner as {@code switchboard test}. */
class SampleFlowTestsTest {
    private static final Path SAMPLES = Path.of("").toAbsolutePath();

    @Test
    void everySampleFlowHasATestFile() throws IOException {
        List<Path> flows = FlowFiles.collect(List.of(SAMPLES));

        assertThat(flows).isNotEmpty();
        assertThat(flows)
                .allSatisfy(flow -> assertThat(flow.resolveSibling(
                                flow.getFileName().toString().replace(".flow.json", FlowTestCodec.SUFFIX)))
                        .as("the flow test beside %s", flow.getFileName())
                        .exists());
    }

    @Test
    void everySampleFlowTestPasses() throws IOException {
        List<Path> testFiles = FlowTestRunner.findTestFiles(List.of(SAMPLES)).stream()
                .filter(p -> !SAMPLES.relativize(p).startsWith("target"))
                .toList();

        List<FlowTestResult> results = new FlowTestRunner(ConnectorCatalog.load()).runAll(testFiles);

        assertThat(results).isNotEmpty();
        String report = results.stream()
                .filter(r -> !r.passed())
                .map(r -> r.testFile().getFileName() + ": " + r.problems() + "\n"
                        + r.cases().stream()
                                .filter(c -> !c.passed())
                                .map(c -> "  " + c.name() + "\n" + JUnitXml.describe(c.failures()))
                                .collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
        assertThat(results).as(report).allMatch(FlowTestResult::passed);
        assertThat(results).allSatisfy(r -> assertThat(r.cases()).isNotEmpty());
    }

    @Test
    void theTestFilesAreOnlyBesideTheSamples() throws IOException {
        // a sample with its own policies.json lies in a folder of its own, its test beside it
        try (var files = Files.walk(SAMPLES)) {
            assertThat(files.filter(p -> !SAMPLES.relativize(p).startsWith("target"))
                            .filter(p -> p.toString().endsWith(FlowTestCodec.SUFFIX)))
                    .allSatisfy(
                            p -> assertThat(FlowTestCodec.defaultFlowFile(p)).exists());
        }
    }
}
