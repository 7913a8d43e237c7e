package dev.switchboard.connector.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuoteTest {

    @Test
    void shortValuesAreQuotedAsTheyAre() {
        assertThat(Quote.single("/hooks/leads")).isEqualTo("'/hooks/leads'");
    }

    @Test
    void longValuesAreCutWithTheirLength() {
        assertThat(Quote.single("a".repeat(20_000_000))).isEqualTo("'" + "a".repeat(60) + "…' (20,000,000 characters)");
    }

    @Test
    void lineBreaksAndControlCharactersAreShownEscapedSoAMessageStaysOneLine() {
        assertThat(Quote.single("one\ntwo\tthree\u0001")).isEqualTo("'one\\ntwo\\tthree\\u0001'");
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsNeverCutInHalf() {
        String value = "x".repeat(59) + "😀" + "y";

        assertThat(Quote.shorten(value)).isEqualTo("x".repeat(59) + "…");
    }

    @Test
    void hugeNumbersAreShownInScientificNotationNeverWrittenOut() {
        assertThat(Quote.number(new BigDecimal("1e999999999"))).isEqualTo("1E+999999999");
        assertThat(Quote.number(new BigDecimal("1.50"))).isEqualTo("1.50");
        assertThat(Quote.number(new BigDecimal("9".repeat(900)))).isEqualTo("9".repeat(60) + "… (900 characters)");
    }

    @Test
    void messagesBuiltElsewhereGetTheirLongQuotedValuesCut() {
        String message = "'" + "p".repeat(5_000) + "' is not a webhook path: start with / and use letters";

        assertThat(Quote.withinMessage(message))
                .isEqualTo("'" + "p".repeat(60)
                        + "…' (5,000 characters) is not a webhook path: start with / and use letters");
    }

    @Test
    void apostrophesInWordsOpenNoQuoteAndLongMessagesAreCut() {
        String prose = "The node can't start: " + "it isn't ready. ".repeat(10);
        String endless = "x".repeat(10_000);

        assertThat(Quote.withinMessage(prose)).isEqualTo(prose);
        assertThat(Quote.withinMessage(endless))
                .hasSize(Quote.MAX_MESSAGE + "… (message cut at 2000 characters)".length());
    }
}
