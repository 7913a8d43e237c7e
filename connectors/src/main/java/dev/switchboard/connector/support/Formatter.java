package dev.switchboard.connector.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formatters a template may apply after a look-up: {@code {{data.name | upper}}}. */
public enum Formatter {
    UPPER("upper", "upper-cases text"),
    LOWER("lower", "lower-cases text"),
    TRIM("trim", "removes leading and trailing blanks"),
    NUMBER("number", "turns \"42.5\" into the number 42.5 (missing when it is not a number)"),
    DATE("date", "formats an ISO timestamp or epoch milliseconds, e.g. date:'yyyy-MM-dd' (UTC)"),
    DEFAULT("default", "uses the argument when the value is missing, null or empty, e.g. default:'n/a'"),
    DECIMALS(
            "decimals",
            "reads a whole number of minor units (Stripe's 4999 cents) as an amount: decimals:2 → 49.99;"
                    + " decimals:0 for currencies without minor units (JPY)"),
    JSON("json", "writes the value as JSON text");

    private final String word;
    private final String help;

    Formatter(String word, String help) {
        this.word = word;
        this.help = help;
    }

    public String word() {
        return word;
    }

    public String help() {
        return help;
    }

    /** A formatter with its argument, ready to apply. */
    public record Applied(Formatter formatter, String argument, DateTimeFormatter datePattern) {
        public JsonNode apply(JsonNode value) {
            return formatter.apply(value, this);
        }
    }

    static Applied parse(String text) {
        int colon = text.indexOf(':');
        String name = (colon < 0 ? text : text.substring(0, colon)).trim();
        String arg = colon < 0 ? null : unquote(text.substring(colon + 1).trim());
        Formatter f = Arrays.stream(values())
                .filter(v -> v.word.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown formatter " + Quote.single(name) + "; known: "
                        + Arrays.stream(values()).map(Formatter::word).collect(Collectors.joining(", "))));
        DateTimeFormatter pattern = null;
        if (f == DATE) {
            try {
                pattern = arg == null
                        ? DateTimeFormatter.ISO_INSTANT
                        : DateTimeFormatter.ofPattern(arg, Locale.ROOT).withZone(ZoneOffset.UTC);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "date:" + Quote.single(arg) + " is not a date pattern: " + e.getMessage());
            }
        }
        if (f == DECIMALS && (arg == null || !arg.matches("1?[0-9]"))) {
            throw new IllegalArgumentException(
                    "decimals needs the number of minor-unit digits (0 to 19), e.g. decimals:2, not "
                            + (arg == null ? "nothing" : Quote.single(arg)));
        }
        if (f == DEFAULT && arg == null) {
            throw new IllegalArgumentException("default needs a value, e.g. default:'n/a'");
        }
        return new Applied(f, arg, pattern);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private JsonNode apply(JsonNode value, Applied applied) {
        boolean absent = value == null || value.isMissingNode() || value.isNull();
        switch (this) {
            case DEFAULT:
                return absent || (value.isTextual() && value.asText().isEmpty())
                        ? TextNode.valueOf(applied.argument())
                        : value;
            case UPPER:
                return absent ? value : TextNode.valueOf(Template.asText(value).toUpperCase(Locale.ROOT));
            case LOWER:
                return absent ? value : TextNode.valueOf(Template.asText(value).toLowerCase(Locale.ROOT));
            case TRIM:
                return absent ? value : TextNode.valueOf(Template.asText(value).trim());
            case JSON:
                return TextNode.valueOf(absent ? "null" : value.toString());
            case NUMBER:
                if (absent) return value;
                if (value.isNumber()) return value;
                try {
                    return numberNode(new BigDecimal(value.asText().trim()));
                } catch (NumberFormatException e) {
                    return MissingNode.getInstance();
                }
            case DECIMALS:
                if (absent) return value;
                try {
                    BigDecimal minor = new BigDecimal(
                            value.isNumber()
                                    ? value.decimalValue().toPlainString()
                                    : value.asText().trim());
                    return DecimalNode.valueOf(minor.movePointLeft(Integer.parseInt(applied.argument())));
                } catch (NumberFormatException e) {
                    return MissingNode.getInstance();
                }
            case DATE:
                if (absent) return value;
                Instant instant = toInstant(value);
                return instant == null
                        ? MissingNode.getInstance()
                        : TextNode.valueOf(applied.datePattern().format(instant));
            default:
                throw new IllegalStateException(name());
        }
    }

    /** Whole numbers become integer nodes, as if parsed from JSON ("7" → 7); others keep their exact decimals. */
    private static JsonNode numberNode(BigDecimal number) {
        if (number.scale() <= 0) {
            try {
                long whole = number.longValueExact();
                return whole == (int) whole ? IntNode.valueOf((int) whole) : LongNode.valueOf(whole);
            } catch (ArithmeticException tooBig) {
                return BigIntegerNode.valueOf(number.toBigIntegerExact());
            }
        }
        return DecimalNode.valueOf(number);
    }

    private static Instant toInstant(JsonNode value) {
        if (value.isNumber()) {
            return Instant.ofEpochMilli(value.asLong());
        }
        String text = value.asText().trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return java.time.LocalDate.parse(text)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant();
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }
}
