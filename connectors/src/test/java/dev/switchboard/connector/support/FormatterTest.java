package dev.switchboard.connector.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

class FormatterTest {

    static JsonNode apply(String formatter, String json) {
        return Formatter.parse(formatter).apply(json == null ? MissingNode.getInstance() : Json.parse(json));
    }

    @Test
    void upperLowerAndTrimWorkOnTextAndOnNumbersAsText() {
        assertThat(apply("upper", "\"Straße\"").textValue()).isEqualTo("STRASSE");
        assertThat(apply("lower", "\"ADA@EXAMPLE.COM\"").textValue()).isEqualTo("ada@example.com");
        assertThat(apply("trim", "\"  x  \"").textValue()).isEqualTo("x");
        assertThat(apply("upper", "42").textValue()).isEqualTo("42");
    }

    @Test
    void textFormattersLeaveMissingAndNullAlone() {
        assertThat(apply("upper", null).isMissingNode()).isTrue();
        assertThat(apply("lower", "null").isNull()).isTrue();
        assertThat(apply("trim", null).isMissingNode()).isTrue();
    }

    @Test
    void numberReadsNumericTextAndDropsTheRest() {
        assertThat(apply("number", "\" 42.50 \"").decimalValue()).isEqualByComparingTo("42.50");
        assertThat(apply("number", "7").intValue()).isEqualTo(7);
        assertThat(apply("number", "\"7\"")).isEqualTo(Json.parse("7"));
        assertThat(apply("number", "\"12345678901\"")).isEqualTo(Json.parse("12345678901"));
        assertThat(apply("number", "\"1e3\"").decimalValue()).isEqualByComparingTo("1000");
        assertThat(apply("number", "\"forty\"").isMissingNode()).isTrue();
        assertThat(apply("number", null).isMissingNode()).isTrue();
    }

    @Test
    void decimalsReadsMinorUnitsAsAnAmountKeepingItsDigits() {
        assertThat(apply("decimals:2", "4999").decimalValue()).isEqualByComparingTo("49.99");
        assertThat(apply("decimals:2", "5000").asText()).isEqualTo("50.00");
        assertThat(apply("decimals:0", "1500").asText()).isEqualTo("1500");
        assertThat(apply("decimals:3", "\"1234\"").decimalValue()).isEqualByComparingTo("1.234");
        assertThat(apply("decimals:2", "\"lots\"").isMissingNode()).isTrue();
        assertThat(apply("decimals:2", null).isMissingNode()).isTrue();
        assertThatThrownBy(() -> Formatter.parse("decimals"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e.g. decimals:2");
        assertThatThrownBy(() -> Formatter.parse("decimals:two")).hasMessageContaining("not 'two'");
    }

    @Test
    void dateFormatsIsoTextEpochMillisAndPlainDatesInUtc() {
        assertThat(apply("date:'yyyy-MM-dd'", "\"2026-11-28T23:30:00-02:00\"").textValue())
                .isEqualTo("2026-11-29");
        assertThat(apply("date:'yyyy-MM-dd HH:mm'", "0").textValue()).isEqualTo("1970-01-01 00:00");
        assertThat(apply("date:'dd.MM.yyyy'", "\"2026-01-05\"").textValue()).isEqualTo("05.01.2026");
        assertThat(apply("date", "\"2026-11-28T10:00:00Z\"").textValue()).isEqualTo("2026-11-28T10:00:00Z");
        assertThat(apply("date:'yyyy'", "\"not a date\"").isMissingNode()).isTrue();
    }

    @Test
    void defaultFillsMissingNullAndEmptyOnly() {
        assertThat(apply("default:'n/a'", null).textValue()).isEqualTo("n/a");
        assertThat(apply("default:'n/a'", "null").textValue()).isEqualTo("n/a");
        assertThat(apply("default:'n/a'", "\"\"").textValue()).isEqualTo("n/a");
        assertThat(apply("default:'n/a'", "0").intValue()).isEqualTo(0);
        assertThat(apply("default:n/a", "false").booleanValue()).isFalse();
    }

    @Test
    void jsonWritesTheValueAsJsonText() {
        assertThat(apply("json", "{\"a\": [1, \"x\"]}").textValue()).isEqualTo("{\"a\":[1,\"x\"]}");
        assertThat(apply("json", "\"q\\\"uote\"").textValue()).isEqualTo("\"q\\\"uote\"");
        assertThat(apply("json", null).textValue()).isEqualTo("null");
    }

    @Test
    void everyFormatterHasAWordAndHelp() {
        for (Formatter f : Formatter.values()) {
            assertThat(f.word()).isNotBlank();
            assertThat(f.help()).isNotBlank();
        }
    }
}
