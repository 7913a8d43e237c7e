package dev.switchboard.runtime.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Webhook addresses: one node per method and path, within a flow and across the files run together; paths that can be reached. */
class WebhookPathValidationTest {
    private static final ConnectorCatalog CATALOG = ConnectorCatalog.load();
    private static final FlowValidator VALIDATOR = new FlowValidator(CATALOG);

    private static String twoHooks(
            String id, String firstPath, String firstMethod, String secondPath, String secondMethod) {
        return """
                {"format": "switchboard/flow@1", "id": "%s", "nodes": [
                  {"id": "a", "type": "webhook", "config": {"path": "%s", "method": "%s"}},
                  {"id": "b", "type": "webhook", "config": {"path": "%s", "method": "%s"}},
                  {"id": "log", "type": "log"}
                ], "wires": [{"from": "a", "to": "log"}, {"from": "b", "to": "log"}]}
                """.formatted(id, firstPath, firstMethod, secondPath, secondMethod);
    }

    @Test
    void samePathAndMethodTwiceInOneFlowPointsAtTheSecondPath() {
        List<Problem> problems = VALIDATOR
                .validate(twoHooks("f", "/hooks/same", "POST", "/hooks/same", "POST"))
                .problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/nodes/1/config/path");
            assertThat(p.nodeId()).isEqualTo("b");
            assertThat(p.message())
                    .isEqualTo("POST /hooks/same is already served by node 'a' (/nodes/0): the web server "
                            + "can route a request to one node only; give this one its own path");
        });
    }

    @Test
    void collisionIsReportedBesideOtherProblemsOfTheNodeButNotOnTopOfABrokenPath() {
        String json = twoHooks("f", "/hooks/same", "POST", "/hooks/same", "POST")
                .replace(
                        "\"method\": \"POST\"}}", "\"method\": \"POST\", \"eventType\": \" \", \"auth\": \"bearer\"}}");

        List<Problem> problems = VALIDATOR.validate(json).problems();
        List<Problem> unreachable = VALIDATOR
                .validate(twoHooks("f", "/hooks//same", "POST", "/hooks//same", "POST"))
                .problems();

        assertThat(problems).extracting(Problem::pointer).contains("/nodes/1/config/token", "/nodes/1/config/path");
        assertThat(unreachable)
                .extracting(Problem::pointer)
                .containsExactly("/nodes/0/config/path", "/nodes/1/config/path");
        assertThat(unreachable).allSatisfy(p -> assertThat(p.message()).contains("empty segment"));
    }

    @Test
    void samePathWithDifferentMethodsIsFine() {
        assertThat(VALIDATOR
                        .validate(twoHooks("f", "/hooks/same", "POST", "/hooks/same", "PUT"))
                        .problems())
                .isEmpty();
    }

    @Test
    void samePathInTwoFilesOfOneRunNamesBothFiles(@TempDir Path dir) throws IOException {
        Path first = Files.writeString(
                dir.resolve("a.flow.json"), twoHooks("first", "/hooks/one", "POST", "/hooks/same", "PUT"));
        Path second = Files.writeString(
                dir.resolve("b.flow.json"), twoHooks("second", "/hooks/same", "PUT", "/hooks/two", "POST"));

        List<FlowFileValidator.FileReport> reports = new FlowFileValidator(CATALOG).validate(List.of(first, second));

        assertThat(reports.get(0).isValid()).isTrue();
        assertThat(reports.get(1).errors())
                .singleElement()
                .satisfies(p -> assertThat(reports.get(1).describe(p))
                        .isEqualTo(second
                                + ": /nodes/0/config/path: PUT /hooks/same is already served by node 'b' of flow 'first' in "
                                + first + "; flows run together need distinct webhook paths"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/hooks/../admin | '/hooks/../admin' has a '..' segment: clients and the web server resolve it before the path is matched, so no request can reach this path. Did you mean '/admin'?",
                "/hooks/./leads  | '/hooks/./leads' has a '.' segment: clients and the web server resolve it before the path is matched, so no request can reach this path. Did you mean '/hooks/leads'?",
                "/../x           | '/../x' has a '..' segment: clients and the web server resolve it before the path is matched, so no request can reach this path",
                "/hooks//leads   | '/hooks//leads' has an empty segment ('//'), which no request can reach: write '/hooks/leads'",
                "/hooks/leads/   | '/hooks/leads/' ends with '/': write '/hooks/leads', which answers requests with and without the trailing '/'",
            })
    void pathsNoRequestCanReachAreRefusedSayingWhy(String path, String message) {
        List<Problem> problems = VALIDATOR
                .validate(twoHooks("f", path, "POST", "/hooks/other", "POST"))
                .problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/nodes/0/config/path");
            assertThat(p.message()).isEqualTo(message);
        });
    }

    @ParameterizedTest
    @CsvSource({"/", "/hooks/.well-known", "/hooks/v1.2/..x", "/~user/hook"})
    void dotsInsideNamesAndTheRootAreFine(String path) {
        assertThat(VALIDATOR
                        .validate(twoHooks("f", path, "POST", "/hooks/other", "POST"))
                        .problems())
                .isEmpty();
    }
}
