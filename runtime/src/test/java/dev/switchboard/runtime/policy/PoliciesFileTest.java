package dev.switchboard.runtime.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.validate.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoliciesFileTest {
    static final SecretResolver SECRETS = SecretResolver.of(Map.of("POLICY_HASH_KEY", "a-long-hash-key"));

    @TempDir
    Path dir;

    @Test
    void readsMaskingAndRoutingRules() throws Exception {
        Policies policies = read("""
                {"format": "switchboard/policies@1",
                 "hashKey": "{{secret:POLICY_HASH_KEY}}",
                 "masking": [
                   {"name": "cards", "fields": ["data.card.number", "data.items[*].card"], "method": "last4"},
                   {"fields": ["data.email"], "method": "hash", "applyTo": {"destinations": ["http://crm.local/*"]}}
                 ],
                 "routing": [
                   {"name": "eu-only",
                    "when": {"rules": [{"field": "data.region", "op": "eq", "value": "eu"}]},
                    "allow": {"hosts": ["*.eu.example.com"], "topics": ["eu-*"]}}
                 ]}
                """);

        assertThat(policies.masking()).extracting(MaskRule::name).containsExactly("cards", "masking[1]");
        assertThat(policies.masking().get(0).fields())
                .extracting(MaskPath::text)
                .containsExactly("data.card.number", "data.items[*].card");
        assertThat(policies.masking().get(1).method()).isEqualTo(MaskMethod.HASH);
        assertThat(policies.masking().get(1).masksSendsTo("http://crm.local/contacts"))
                .isTrue();
        assertThat(policies.masking().get(1).masksSendsTo("http://erp.local/contacts"))
                .isFalse();
        assertThat(policies.routing().get(0).hosts()).containsExactly("*.eu.example.com");
        assertThat(policies.hashKey()).isEqualTo("a-long-hash-key".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void schemaProblemsCarryTheirPointer() {
        List<Problem> problems = problems("""
                {"format": "switchboard/policies@1",
                 "masking": [{"fields": ["data.card"], "method": "scramble", "aplyTo": {}}],
                 "routing": [{"when": {"rules": []}}]}
                """);

        assertThat(problems)
                .extracting(Problem::pointer)
                .contains("/masking/0/method", "/masking/0/aplyTo", "/routing/0");
        assertThat(messageAt(problems, "/masking/0/method"))
                .isEqualTo("'method' must be one of redact, hash, last4, not the text \"scramble\"");
        assertThat(messageAt(problems, "/masking/0/aplyTo"))
                .isEqualTo("Unknown property 'aplyTo' in item 0 of 'masking'. Did you mean 'applyTo'?"
                        + " Allowed: name, fields, classification, method, applyTo");
        assertThat(messageAt(problems, "/routing/0"))
                .isEqualTo("Item 0 of 'routing' is missing the required property 'allow'");
    }

    @Test
    void aRuleMayNameAClassificationInsteadOfOrBesidesFields() throws Exception {
        Policies policies = read("""
                {"format": "switchboard/policies@1",
                 "masking": [
                   {"name": "pii", "classification": "pii", "method": "redact"},
                   {"name": "pci", "classification": "pci", "fields": ["data.card.number"], "method": "last4"},
                   {"name": "plain", "fields": ["data.note"], "method": "redact"}
                 ]}
                """);

        assertThat(policies.masking()).extracting(MaskRule::classification).containsExactly("pii", "pci", null);
        assertThat(policies.masking().get(0).fields()).isEmpty();

        Policies resolved = ClassifiedMasking.resolve(
                dir.resolve(PoliciesFile.FILE),
                policies,
                Map.of(
                        "pii", Set.of("data.customer.email"),
                        "pci", List.of("data.items[*].card", "data.card.number"),
                        "internal", Set.of("data.cost")));

        assertThat(resolved.masking().get(0).fields())
                .extracting(MaskPath::text)
                .containsExactly("data.customer.email");
        // the path named in the file and by the contract is masked once
        assertThat(resolved.masking().get(1).fields())
                .extracting(MaskPath::text)
                .containsExactly("data.card.number", "data.items[*].card");
        assertThat(resolved.masking().get(2)).isEqualTo(policies.masking().get(2));
    }

    @Test
    void aClassificationNoSchemaUsesIsAnErrorAtItsPointer() throws Exception {
        Policies policies = read("""
                {"format": "switchboard/policies@1",
                 "masking": [
                   {"fields": ["data.note"], "method": "redact"},
                   {"name": "pii", "classification": "piii", "method": "redact"}
                 ]}
                """);

        assertThatThrownBy(() -> ClassifiedMasking.resolve(
                        dir.resolve(PoliciesFile.FILE), policies, Map.of("pii", Set.of("data.email"))))
                .isInstanceOfSatisfying(
                        PolicyFileException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.pointer()).isEqualTo("/masking/1/classification");
                            assertThat(p.message())
                                    .isEqualTo("No field of any registered schema is annotated"
                                            + " \"x-classification\": \"piii\" (classifications in use: pii)");
                        }));
    }

    @Test
    void aRuleWithNeitherFieldsNorClassificationOrAnOddClassificationIsRejected() {
        List<Problem> problems = problems("""
                {"format": "switchboard/policies@1",
                 "masking": [
                   {"name": "nothing", "method": "redact"},
                   {"name": "odd", "classification": "p ii", "method": "redact"}
                 ]}
                """);

        assertThat(problems)
                .extracting(Problem::pointer)
                .containsExactlyInAnyOrder("/masking/0", "/masking/1/classification");
        assertThat(messageAt(problems, "/masking/0"))
                .isEqualTo("item 0 of 'masking' must name the fields to mask, a classification or both"
                        + " (\"fields\": [\"data.email\"] or \"classification\": \"pii\")");
        assertThat(messageAt(problems, "/masking/1/classification"))
                .startsWith("'classification' must be a classification name such as pii");
    }

    @Test
    void missingFormatSaysWhatToAdd() {
        assertThat(problems("{\"masking\": []}"))
                .extracting(Problem::message)
                .containsExactly("The policies file is missing the required property 'format'"
                        + " (add \"format\": \"switchboard/policies@1\")");
    }

    @Test
    void pathsRulesKeysAndNamesAreCheckedBeyondTheSchema() {
        List<Problem> problems = problems("""
                {"format": "switchboard/policies@1",
                 "masking": [
                   {"name": "x", "fields": ["card.number", "data.items[x].card"], "method": "hash"}
                 ],
                 "routing": [
                   {"name": "x", "when": {"rules": [{"field": "data.region", "op": "equals", "value": "eu"}]},
                    "allow": {"hosts": []}}
                 ]}
                """);

        assertThat(problems)
                .extracting(Problem::pointer)
                .containsExactlyInAnyOrder(
                        "/masking/0/fields/0",
                        "/masking/0/fields/1",
                        "/routing/0/name",
                        "/routing/0/when/rules/0/op",
                        "/masking/0/method");
        assertThat(messageAt(problems, "/masking/0/fields/0")).contains("must start with data");
        assertThat(messageAt(problems, "/masking/0/method")).contains("hashKey");
        assertThat(messageAt(problems, "/routing/0/name")).contains("'x' is taken");
    }

    @Test
    void aHashKeyThatIsNotSetIsAProblemAtItsPointer() {
        List<Problem> problems = problems("""
                {"format": "switchboard/policies@1", "hashKey": "{{secret:NOT_SET}}",
                 "masking": [{"fields": ["data.email"], "method": "hash"}]}
                """);

        assertThat(problems).extracting(Problem::pointer).containsExactly("/hashKey");
        assertThat(problems.get(0).message()).contains("'NOT_SET' is not set");
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        assertThatThrownBy(() -> read("{\"format\": \"switchboard/policies@1\",\n \"masking\": [}"))
                .isInstanceOf(PolicyFileException.class)
                .hasMessageContaining("policies.json is not a valid policies file")
                .hasMessageContaining("line 2");
    }

    @Test
    void theExampleInTheDocsIsAValidPoliciesFile() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "policies.md"));
        int start = doc.indexOf("```text\n{\n  \"format\": \"switchboard/policies@1\"");
        assertThat(start).as("the example block in docs/policies.md").isNotNegative();
        String json = doc.substring(doc.indexOf('\n', start) + 1, doc.indexOf("```", start + 7));

        Policies policies = read(json);

        assertThat(policies.masking())
                .extracting(MaskRule::name)
                .containsExactly("cards", "emails", "crm-no-phone", "pii");
        assertThat(policies.routing()).extracting(RoutingRule::name).containsExactly("eu-only");
    }

    @Test
    void publishedSchemaIsTheOneTheRuntimeChecks() throws IOException {
        Path docs = Path.of("..", "docs", "schema", "policies.schema.json");
        try (var in = PoliciesFile.class.getResourceAsStream(PoliciesFile.RESOURCE)) {
            assertThat(Files.readString(docs)).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private Policies read(String json) throws Exception {
        Path file = dir.resolve(PoliciesFile.FILE);
        Files.writeString(file, json);
        return PoliciesFile.read(file, SECRETS);
    }

    private List<Problem> problems(String json) {
        try {
            read(json);
        } catch (PolicyFileException e) {
            return e.problems();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected problems in " + json);
    }

    private static String messageAt(List<Problem> problems, String pointer) {
        return problems.stream()
                .filter(p -> p.pointer().equals(pointer))
                .map(Problem::message)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + pointer + " in " + problems));
    }
}
