package dev.switchboard.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.policy.CentralPolicies;
import dev.switchboard.runtime.policy.EventSeal;
import dev.switchboard.runtime.policy.MaskMethod;
import dev.switchboard.runtime.policy.MaskPath;
import dev.switchboard.runtime.policy.MaskRule;
import dev.switchboard.runtime.policy.Policies;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one place a finished run is masked before run history, the live monitor and the logs see it:
 * a step's warning that quotes a masked value gives it away no more than its error does.
 */
class RunMaskingTest {
    static final Instant T0 = Instant.parse("2026-11-30T03:00:00Z");
    static final String EMAIL = "ada.lovelace@example.com";

    @Test
    void aWarningThatQuotesAMaskedValueKeepsItsPointerButNotTheValue() {
        CentralPolicies policies = CentralPolicies.of(
                new Policies(
                        List.of(new MaskRule(
                                "pii", List.of(MaskPath.parse("data.customer.email")), MaskMethod.REDACT, List.of())),
                        List.of(),
                        null),
                EventSeal.fromPassphrase("run-masking-test".toCharArray()));
        Event order = new Event(
                "ev-1",
                "/hooks/orders",
                "dev.switchboard.webhook",
                T0,
                null,
                "application/json",
                Json.parse("{\"id\": \"o-1\", \"customer\": {\"email\": \"" + EMAIL + "\"}}"),
                Map.of());
        String warning = "breaks the contract orders@1: /customer/email: '" + EMAIL + "' is not an example.org address";
        RunRecord run = new RunRecord(
                "orders",
                "hook",
                "ev-1",
                RunRecord.RunStatus.SUCCESS,
                T0,
                1_000,
                null,
                null,
                "run-1",
                null,
                null,
                List.of(new StepRecord("hook", "out", T0, null, order, null, warning, List.of())));

        StepRecord masked = RunMasking.mask(run, policies).steps().get(0);

        assertThat(masked.warning())
                .startsWith("breaks the contract orders@1: /customer/email: ")
                .doesNotContain(EMAIL);
        assertThat(masked.policies()).containsExactly("pii: masked");
        assertThat(masked.output().data().at("/customer/email").asText()).isNotEqualTo(EMAIL);
    }
}
