package dev.switchboard.runtime.format;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * How big a flow file and the values in it may be. A flow file is configuration, not data: these
 * limits are far above anything a real flow needs and far below what would let one hostile file
 * exhaust the memory of {@code switchboard validate}, {@code run} or the designer. Each limit is
 * enforced while reading, and breaking one is reported like a syntax error, with line and column.
 */
public final class FlowLimits {
    /** Largest flow file, in bytes; checked before the file is read at all. A 10,000-node flow is about 2 MB. */
    public static final long MAX_FILE_BYTES = 32L * 1024 * 1024;
    /** Deepest nesting of objects and arrays (the envelope itself uses four levels). */
    public static final int MAX_NESTING_DEPTH = 1_000;
    /** Longest text value, in characters. */
    public static final int MAX_STRING_LENGTH = 1_000_000;
    /** Longest object key, in characters. */
    public static final int MAX_NAME_LENGTH = 1_000;
    /**
     * Most digits a number may have, both as written ({@code 123…}) and written out in plain
     * notation: files are written with exponents spelt out, so {@code 1e999999999} — eleven
     * characters — would otherwise become a billion digits wherever it is written or shown.
     */
    public static final int MAX_NUMBER_DIGITS = 1_000;

    private FlowLimits() {}

    /** The constraints Jackson enforces while parsing a flow file. */
    static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxNumberLength(MAX_NUMBER_DIGITS)
                .maxDocumentLength(MAX_FILE_BYTES)
                .build();
    }

    /** True when the number written out in plain notation has at most {@link #MAX_NUMBER_DIGITS} digits. */
    public static boolean fitsWrittenOut(BigDecimal value) {
        return plainDigits(value) <= MAX_NUMBER_DIGITS;
    }

    /** Digits of the plain notation, computed without writing it out: integer digits plus fraction digits. */
    static long plainDigits(BigDecimal value) {
        long precision = value.precision();
        long scale = value.scale();
        long integerDigits = Math.max(1, precision - scale);
        long fractionDigits = Math.max(0, scale);
        return integerDigits + fractionDigits;
    }

    /** The message for a number too big to write out; quotes the number in its short scientific form. */
    static String numberTooLong(BigDecimal value) {
        return "The number " + value.toString().toLowerCase(Locale.ROOT).replace("e+", "e")
                + " has too many digits: written out it would have "
                + String.format(Locale.ROOT, "%,d", plainDigits(value))
                + " (flow files allow at most " + String.format(Locale.ROOT, "%,d", MAX_NUMBER_DIGITS) + ")";
    }

    /** A short message for a broken read limit, instead of Jackson's wording (which names its own API). */
    static String describe(StreamConstraintsException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.contains("getMaxNestingDepth")) {
            return "Objects and arrays are nested more than " + grouped(MAX_NESTING_DEPTH)
                    + " levels deep (the most a flow file allows)";
        }
        if (message.contains("getMaxStringLength")) {
            return "A text value is longer than " + grouped(MAX_STRING_LENGTH)
                    + " characters (the most a flow file allows)";
        }
        if (message.contains("getMaxNameLength")) {
            return "A key is longer than " + grouped(MAX_NAME_LENGTH) + " characters (the most a flow file allows)";
        }
        if (message.contains("getMaxNumberLength")) {
            return "A number has more than " + grouped(MAX_NUMBER_DIGITS) + " digits (the most a flow file allows)";
        }
        if (message.contains("getMaxDocumentLength")) {
            return "The file is longer than " + grouped(MAX_FILE_BYTES) + " characters (the most a flow file may have)";
        }
        return message;
    }

    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
