package dev.switchboard.connector.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.connector.support.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** Converts between JSON event values and JDBC values, both ways. */
final class SqlValues {
    private SqlValues() {}

    /** A JSON value as a JDBC parameter: bound, never spliced into SQL text. */
    static Object toJdbc(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? (Object) value.longValue() : new BigDecimal(value.bigIntegerValue());
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        return value.toString();
    }

    static ObjectNode rowToJson(Map<String, Object> row, boolean lowerCase) {
        ObjectNode node = Json.NODES.objectNode();
        row.forEach((column, value) -> node.set(lowerCase ? column.toLowerCase(Locale.ROOT) : column, toJson(value)));
        return node;
    }

    static JsonNode toJson(Object value) {
        if (value == null) {
            return Json.NODES.nullNode();
        }
        if (value instanceof Boolean b) {
            return Json.NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Json.NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return Json.NODES.numberNode(big);
        }
        if (value instanceof BigDecimal decimal) {
            return Json.NODES.numberNode(decimal);
        }
        if (value instanceof Number number) {
            return Json.NODES.numberNode(new BigDecimal(number.toString()));
        }
        if (value instanceof Timestamp timestamp) {
            return Json.NODES.textNode(timestamp.toInstant().toString());
        }
        if (value instanceof java.sql.Date date) {
            return Json.NODES.textNode(date.toLocalDate().toString());
        }
        if (value instanceof OffsetDateTime time) {
            return Json.NODES.textNode(time.toInstant().toString());
        }
        if (value instanceof ZonedDateTime time) {
            return Json.NODES.textNode(time.toInstant().toString());
        }
        if (value instanceof LocalDateTime time) {
            return Json.NODES.textNode(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time));
        }
        if (value instanceof TemporalAccessor) {
            return Json.NODES.textNode(value.toString());
        }
        if (value instanceof byte[] bytes) {
            return Json.NODES.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof Clob clob) {
            try {
                return Json.NODES.textNode(clob.getSubString(1, (int) clob.length()));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read a CLOB column: " + e.getMessage(), e);
            }
        }
        return Json.NODES.textNode(value.toString());
    }
}
