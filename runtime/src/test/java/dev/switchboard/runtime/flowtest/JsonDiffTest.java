package dev.switchboard.runtime.flowtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.flowtest.FlowTestResult.Difference;
import dev.switchboard.runtime.format.FlowCodec;
import org.junit.jupiter.api.Test;

class JsonDiffTest {

    @Test
    void aSubsetMatchIgnoresFieldsTheExpectationDoesNotName() {
        assertThat(JsonDiff.compare(
                        json("{\"data\": {\"a\": 1}}"), json("{\"id\": \"x\", \"data\": {\"a\": 1, \"b\": 2}}"), false))
                .isEmpty();
    }

    @Test
    void anExactMatchReportsEveryExtraField() {
        assertThat(JsonDiff.compare(json("{\"a\": 1}"), json("{\"a\": 1, \"b\": {\"c\": true}}"), true))
                .containsExactly(new Difference("/b", "(absent)", "{\"c\":true}"));
    }

    @Test
    void differencesNameTheJsonPointerOfEachMismatchInOrder() {
        var differences = JsonDiff.compare(
                json("{\"data\": {\"total\": 42, \"items\": [{\"sku\": \"A\"}, {\"sku\": \"B\"}], \"name\": \"Ada\"}}"),
                json("{\"data\": {\"total\": 41, \"items\": [{\"sku\": \"A\"}, {\"sku\": \"C\"}]}}"),
                false);

        assertThat(differences)
                .containsExactly(
                        new Difference("/data/items/1/sku", "\"B\"", "\"C\""),
                        new Difference("/data/name", "\"Ada\"", JsonDiff.MISSING),
                        new Difference("/data/total", "42", "41"));
    }

    @Test
    void numbersCompareByValueAndTypesDoNotMix() {
        assertThat(JsonDiff.compare(json("{\"n\": 42}"), json("{\"n\": 42.0}"), true))
                .isEmpty();
        assertThat(JsonDiff.compare(json("{\"n\": 42}"), json("{\"n\": \"42\"}"), true))
                .containsExactly(new Difference("/n", "42", "\"42\""));
    }

    @Test
    void arraysOfAnotherLengthDifferAsAWhole() {
        assertThat(JsonDiff.compare(json("[1, 2]"), json("[1, 2, 3]"), false))
                .containsExactly(new Difference("", "[1,2] (2 items)", "[1,2,3] (3 items)"));
    }

    @Test
    void keysWithSlashesAndTildesAreEscapedInPointers() {
        assertThat(JsonDiff.compare(json("{\"a/b\": {\"c~d\": 1}}"), json("{\"a/b\": {\"c~d\": 2}}"), false))
                .containsExactly(new Difference("/a~1b/c~0d", "1", "2"));
    }

    @Test
    void longValuesAreShortenedWithTheirLength() {
        String shown = JsonDiff.show(new ConfigValue.Text("x".repeat(500)));

        assertThat(shown).hasSizeLessThan(240).endsWith("… (502 characters)");
    }

    private static ConfigValue json(String text) {
        try {
            return FlowCodec.toConfigValue(FlowCodec.parseTree(text));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
