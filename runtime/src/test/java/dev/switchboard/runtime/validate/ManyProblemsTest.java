package dev.switchboard.runtime.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.connector.spi.ConnectorCatalog;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ManyProblemsTest {

    @Test
    void everyProblemInAFileIsReportedTogether() throws IOException {
        ValidationResult result = new FlowValidator(ConnectorCatalog.load())
                .validate(BrokenFlowCorpusTest.read("/validate/many-problems.flow.json"));

        assertThat(result.isValid()).isFalse();
        assertThat(result.problems())
                .extracting(Problem::severity, Problem::pointer)
                .containsExactlyInAnyOrder(
                        tuple(Problem.Severity.ERROR, "/owner"),
                        tuple(Problem.Severity.ERROR, "/nodes/1/config/channel"),
                        tuple(Problem.Severity.ERROR, "/nodes/2/config/title"),
                        tuple(Problem.Severity.ERROR, "/nodes/2/config/mode"),
                        tuple(Problem.Severity.ERROR, "/nodes/2/config/password"),
                        tuple(Problem.Severity.ERROR, "/nodes/2/config/retries"),
                        tuple(Problem.Severity.ERROR, "/nodes/2/config/schedule"),
                        tuple(Problem.Severity.ERROR, "/nodes/3/type"),
                        tuple(Problem.Severity.ERROR, "/nodes/4/id"),
                        tuple(Problem.Severity.ERROR, "/wires/2/to"),
                        tuple(Problem.Severity.ERROR, "/wires/3/to"),
                        tuple(Problem.Severity.ERROR, "/wires/5"),
                        tuple(Problem.Severity.WARNING, "/nodes/1"));
        assertThat(result.problems())
                .filteredOn(p -> p.pointer().equals("/wires/5"))
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .contains("sink → log → sink");
        assertThat(result.problems()).extracting(Problem::nodeId).contains("spare", "sink", "out");
    }

    @Test
    void errorsComeBeforeWarnings() throws IOException {
        ValidationResult result = new FlowValidator(ConnectorCatalog.load())
                .validate(BrokenFlowCorpusTest.read("/validate/many-problems.flow.json"));

        assertThat(result.problems().get(result.problems().size() - 1).severity())
                .isEqualTo(Problem.Severity.WARNING);
    }
}
