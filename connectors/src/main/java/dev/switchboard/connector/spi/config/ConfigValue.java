package dev.switchboard.connector.spi.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON-shaped configuration value, immutable, with insertion order kept so a flow file written
 * back gives the same bytes. The model and the connectors see only this; Jackson stays at the edges.
 */
public sealed interface ConfigValue {

    /** A short human description of the JSON type, used in validation messages. */
    String typeName();

    record Text(String value) implements ConfigValue {
        public Text {
            java.util.Objects.requireNonNull(value);
        }

        public String typeName() {
            return "string";
        }
    }

    /** Kept as the exact decimal written in the file ({@code 1.50} stays {@code 1.50}). */
    record Num(BigDecimal value) implements ConfigValue {
        public Num {
            java.util.Objects.requireNonNull(value);
        }

        public String typeName() {
            return "number";
        }

        public boolean isIntegral() {
            return value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
        }
    }

    record Bool(boolean value) implements ConfigValue {
        public String typeName() {
            return "boolean";
        }
    }

    record Null() implements ConfigValue {
        public static final Null INSTANCE = new Null();

        public String typeName() {
            return "null";
        }
    }

    record Items(List<ConfigValue> values) implements ConfigValue {
        public Items {
            values = List.copyOf(values);
        }

        public String typeName() {
            return "array";
        }
    }

    record Fields(Map<String, ConfigValue> values) implements ConfigValue {
        public static final Fields EMPTY = new Fields(Map.of());

        public Fields {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        public String typeName() {
            return "object";
        }

        /** A copy with one field set (kept in place when it exists, appended otherwise). */
        public Fields with(String name, ConfigValue value) {
            Map<String, ConfigValue> copy = new LinkedHashMap<>(values);
            copy.put(name, value);
            return new Fields(copy);
        }

        public Fields without(String name) {
            Map<String, ConfigValue> copy = new LinkedHashMap<>(values);
            copy.remove(name);
            return new Fields(copy);
        }
    }

    static ConfigValue of(String value) {
        return new Text(value);
    }

    static ConfigValue of(long value) {
        return new Num(BigDecimal.valueOf(value));
    }

    static ConfigValue of(double value) {
        return new Num(BigDecimal.valueOf(value));
    }

    static ConfigValue of(boolean value) {
        return new Bool(value);
    }

    static Items list(ConfigValue... values) {
        return new Items(List.of(values));
    }

    /** Builds an object from alternating name/value pairs; values may be String, Number, Boolean or ConfigValue. */
    static Fields object(Object... nameValuePairs) {
        Map<String, ConfigValue> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            map.put((String) nameValuePairs[i], from(nameValuePairs[i + 1]));
        }
        return new Fields(map);
    }

    /** Converts plain Java values (String, Number, Boolean, List, Map, null) into config values. */
    static ConfigValue from(Object value) {
        if (value == null) return Null.INSTANCE;
        if (value instanceof ConfigValue v) return v;
        if (value instanceof String s) return new Text(s);
        if (value instanceof Boolean b) return new Bool(b);
        if (value instanceof BigDecimal d) return new Num(d);
        if (value instanceof Number n) return new Num(new BigDecimal(n.toString()));
        if (value instanceof List<?> list) {
            List<ConfigValue> items = new ArrayList<>();
            list.forEach(item -> items.add(from(item)));
            return new Items(items);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, ConfigValue> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> fields.put(String.valueOf(k), from(v)));
            return new Fields(fields);
        }
        throw new IllegalArgumentException(
                "Not a JSON value: " + value.getClass().getName());
    }

    /** The value as plain Java (String, BigDecimal, Boolean, List, Map, null) — for rule values. */
    default Object toPlain() {
        if (this instanceof Text t) return t.value();
        if (this instanceof Num n) return n.value();
        if (this instanceof Bool b) return b.value();
        if (this instanceof Items items)
            return items.values().stream().map(ConfigValue::toPlain).toList();
        if (this instanceof Fields f) {
            Map<String, Object> map = new LinkedHashMap<>();
            f.values().forEach((k, v) -> map.put(k, v.toPlain()));
            return map;
        }
        return null;
    }
}
