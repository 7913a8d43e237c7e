package dev.switchboard.connector.spi.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed read access to a node's configuration. The validator has already checked types against
 * the connector's {@code PropertySpec}s, so the getters here fail loudly only on programming errors.
 */
public final class NodeConfig {
    private final ConfigValue.Fields fields;

    public NodeConfig(ConfigValue.Fields fields) {
        this.fields = fields == null ? ConfigValue.Fields.EMPTY : fields;
    }

    public static NodeConfig of(Object... nameValuePairs) {
        return new NodeConfig(ConfigValue.object(nameValuePairs));
    }

    public ConfigValue.Fields fields() {
        return fields;
    }

    public boolean has(String name) {
        ConfigValue v = fields.values().get(name);
        return v != null && !(v instanceof ConfigValue.Null);
    }

    public Optional<ConfigValue> value(String name) {
        return Optional.ofNullable(fields.values().get(name)).filter(v -> !(v instanceof ConfigValue.Null));
    }

    public Optional<String> string(String name) {
        return value(name).map(v -> {
            if (v instanceof ConfigValue.Text t) return t.value();
            if (v instanceof ConfigValue.Num n) return n.value().toPlainString();
            if (v instanceof ConfigValue.Bool b) return Boolean.toString(b.value());
            throw new IllegalStateException(name + " is " + v.typeName() + ", not a string");
        });
    }

    public String string(String name, String fallback) {
        return string(name).orElse(fallback);
    }

    public String requireString(String name) {
        return string(name).orElseThrow(() -> new IllegalStateException("Missing required property " + name));
    }

    public Optional<BigDecimal> number(String name) {
        return value(name).map(v -> {
            if (v instanceof ConfigValue.Num n) return n.value();
            if (v instanceof ConfigValue.Text t) return new BigDecimal(t.value().trim());
            throw new IllegalStateException(name + " is " + v.typeName() + ", not a number");
        });
    }

    public long integer(String name, long fallback) {
        return number(name).map(BigDecimal::longValueExact).orElse(fallback);
    }

    public boolean bool(String name, boolean fallback) {
        return value(name)
                .map(v -> {
                    if (v instanceof ConfigValue.Bool b) return b.value();
                    if (v instanceof ConfigValue.Text t) return Boolean.parseBoolean(t.value());
                    throw new IllegalStateException(name + " is " + v.typeName() + ", not a boolean");
                })
                .orElse(fallback);
    }

    public Optional<Duration> duration(String name) {
        return string(name).map(Durations::parse);
    }

    public Duration duration(String name, Duration fallback) {
        return duration(name).orElse(fallback);
    }

    public List<ConfigValue> list(String name) {
        return value(name)
                .map(v -> v instanceof ConfigValue.Items items ? items.values() : List.of(v))
                .orElse(List.of());
    }

    /** Each list item as its own config, e.g. one filter rule. */
    public List<NodeConfig> objects(String name) {
        return list(name).stream()
                .filter(ConfigValue.Fields.class::isInstance)
                .map(v -> new NodeConfig((ConfigValue.Fields) v))
                .toList();
    }

    public NodeConfig object(String name) {
        return value(name)
                .filter(ConfigValue.Fields.class::isInstance)
                .map(v -> new NodeConfig((ConfigValue.Fields) v))
                .orElseGet(() -> new NodeConfig(ConfigValue.Fields.EMPTY));
    }

    /** A key/value property as an ordered map of strings. */
    public Map<String, String> stringMap(String name) {
        Map<String, String> map = new LinkedHashMap<>();
        NodeConfig obj = object(name);
        obj.fields.values().keySet().forEach(k -> obj.string(k).ifPresent(v -> map.put(k, v)));
        return map;
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
