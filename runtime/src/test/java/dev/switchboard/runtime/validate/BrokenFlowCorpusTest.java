package dev.switchboard.runtime.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file under src/test/resources/broken has exactly one mistake; broken/expected.tsv says which
 * problem it must yield (severity, exact pointer, a fragment of the message).
 */
class BrokenFlowCorpusTest {
    private static final FlowValidator VALIDATOR = new FlowValidator(ConnectorCatalog.load());

    record Expected(String file, Problem.Severity severity, String pointer, String fragment) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Expected> corpus() throws IOException {
        return read("/broken/expected.tsv")
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", -1))
                .map(cols -> new Expected(cols[0], Problem.Severity.valueOf(cols[1]), cols[2], cols[3]))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBrokenFileYieldsItsOneSpecificProblem(Expected expected) throws IOException {
        ValidationResult result = VALIDATOR.validate(read("/broken/" + expected.file()));

        assertThat(result.problems()).as("problems of %s", expected.file()).hasSize(1);
        Problem problem = result.problems().get(0);
        assertThat(problem.severity()).isEqualTo(expected.severity());
        assertThat(problem.pointer()).isEqualTo(expected.pointer());
        assertThat(problem.message()).contains(expected.fragment());
        assertThat(result.isValid()).isEqualTo(expected.severity() == Problem.Severity.WARNING);
    }

    @Test
    void everyCorpusFileHasAnExpectationAndThereAreAtLeastFifteen() throws IOException, URISyntaxException {
        Path folder = Path.of(BrokenFlowCorpusTest.class.getResource("/broken").toURI());
        List<String> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".flow.json"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(15);
        assertThat(corpus().stream().map(Expected::file).sorted().toList()).isEqualTo(files);
    }

    static String read(String resource) throws IOException {
        try (InputStream in = BrokenFlowCorpusTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
