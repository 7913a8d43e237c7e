package dev.switchboard.runtime.format;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Refuses, while reading, a decimal whose plain notation would exceed {@link FlowLimits#MAX_NUMBER_DIGITS}.
 * Jackson limits how long a number is as written, not how long it becomes: {@code 1e999999999} is
 * eleven characters and a billion digits once written out (files spell exponents out) or shown.
 */
final class NumberCheckingParser extends JsonParserDelegate {
    NumberCheckingParser(JsonParser delegate) {
        super(delegate);
    }

    @Override
    public BigDecimal getDecimalValue() throws IOException {
        BigDecimal value = super.getDecimalValue();
        if (!FlowLimits.fitsWrittenOut(value)) {
            throw new TooManyDigits(this, FlowLimits.numberTooLong(value));
        }
        return value;
    }

    /** A number beyond the limit: the message is complete, not a syntax error's. */
    static final class TooManyDigits extends JsonParseException {
        TooManyDigits(JsonParser parser, String message) {
            super(parser, message, parser.currentTokenLocation());
        }
    }
}
