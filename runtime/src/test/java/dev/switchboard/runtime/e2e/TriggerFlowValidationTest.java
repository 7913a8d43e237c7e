package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.chain;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.validate.FlowValidator;
import dev.switchboard.runtime.validate.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook, schedule and http.request specs as the flow validator reads them. */
class TriggerFlowValidationTest {
    final FlowValidator validator = new FlowValidator(ConnectorCatalog.load());

    List<Problem> errors(dev.switchboard.runtime.model.Flow flow) {
        return validator.validate(flow).stream().filter(Problem::isError).toList();
    }

    @Test
    void realisticFlowsHaveNoProblems() {
        assertThat(errors(chain(
                        "leads",
                        node(
                                "hook",
                                "webhook",
                                "path",
                                "/hooks/leads",
                                "auth",
                                "hmac-sha256",
                                "secret",
                                "{{secret:LEADS_HOOK}}"),
                        node(
                                "crm",
                                "http.request",
                                "url",
                                "https://crm.example.com/api/leads/{{data.id}}",
                                "auth",
                                "bearer",
                                "token",
                                "{{secret:CRM_TOKEN}}",
                                "headers",
                                Map.of("X-Trace", "{{id}}"),
                                "retries",
                                2,
                                "retryBackoff",
                                "500ms",
                                "idempotencyKey",
                                true))))
                .isEmpty();
        assertThat(errors(chain(
                        "nightly",
                        node("tick", "schedule", "mode", "cron", "cron", "0 0 2 * * ?", "timeZone", "Europe/Berlin"),
                        node("ping", "http.request", "method", "GET", "url", "http://127.0.0.1:9/health"))))
                .isEmpty();
    }

    @Test
    void credentialsInClearAndMissingAuthFieldsAreErrors() {
        List<Problem> problems = errors(chain(
                "leaky",
                node("hook", "webhook", "path", "/hooks/x", "auth", "bearer", "token", "plain-token"),
                node("crm", "http.request", "url", "https://crm.example.com", "auth", "basic", "username", "u")));

        assertThat(problems).extracting(Problem::pointer).contains("/nodes/0/config/token", "/nodes/1/config/password");
        assertThat(problems).extracting(Problem::message).noneMatch(m -> m.contains("plain-token"));
    }

    @Test
    void connectorChecksArrivePointedIntoTheNode() {
        List<Problem> problems = errors(chain(
                "bad",
                node("tick", "schedule", "mode", "cron", "cron", "0 61 * * * ?"),
                node("call", "http.request", "url", "ftp://files.example.com", "headers", Map.of("Host", "x"))));

        assertThat(problems)
                .extracting(Problem::pointer)
                .contains("/nodes/0/config/cron", "/nodes/1/config/url", "/nodes/1/config/headers/Host");
    }
}
