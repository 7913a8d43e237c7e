package dev.switchboard.runtime.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.connector.spi.Event;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Applies masking rules to events: a masked copy, the event itself left as it is. The rules are
 * field paths with a method; where they come from (policies.json, or classified fields of a data
 * contract added with {@link Policies#withMasking}) is not the masker's business.
 */
public final class FieldMasker {
    public static final String MASK = "***";
    /** Shorter values are not searched for in free text: they would blank ordinary words. */
    static final int MIN_VALUE_LENGTH = 4;

    private final List<MaskRule> rules;
    private final byte[] hashKey;

    /** A masked copy and the rules that changed something (empty: the event as it was). */
    public record Masked(Event event, List<String> rules) {
        public Masked {
            rules = List.copyOf(rules);
        }

        public boolean changed() {
            return !rules.isEmpty();
        }
    }

    public FieldMasker(Policies policies) {
        this.rules = policies.masking();
        this.hashKey = policies.hashKey();
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The event as the runtime stores and shows it: every rule applied. */
    public Masked mask(Event event) {
        return apply(event, rules);
    }

    /** The event as it is sent to {@code destination}: the rules that name that destination applied. */
    public Masked maskForDestination(Event event, String destination) {
        return apply(
                event, rules.stream().filter(r -> r.masksSendsTo(destination)).toList());
    }

    /** Whether any rule masks what is sent to {@code destination}. */
    public boolean masksSendsTo(String destination) {
        return rules.stream().anyMatch(r -> r.masksSendsTo(destination));
    }

    private Masked apply(Event event, List<MaskRule> applied) {
        if (event == null
                || applied.isEmpty()
                || event.data() == null
                || !event.data().isContainerNode()) {
            return new Masked(event, List.of());
        }
        JsonNode data = event.data().deepCopy();
        List<String> changed = new ArrayList<>();
        for (MaskRule rule : applied) {
            boolean any = false;
            for (MaskPath path : rule.fields()) {
                any |= maskAt(data, path, rule.method());
            }
            if (any) {
                changed.add(rule.name());
            }
        }
        return changed.isEmpty() ? new Masked(event, List.of()) : new Masked(event.withData(data), changed);
    }

    /**
     * {@code text} (an error message, a log line) with every value the events hold at a masked
     * field replaced by {@value #MASK}: a failure that quotes the event gives nothing away.
     */
    public String maskValues(String text, Collection<Event> events) {
        if (text == null || rules.isEmpty() || events.isEmpty()) {
            return text;
        }
        Set<String> values = new LinkedHashSet<>();
        for (Event event : events) {
            if (event == null || event.data() == null) {
                continue;
            }
            for (MaskRule rule : rules) {
                for (MaskPath path : rule.fields()) {
                    for (Target target : targets(event.data(), path)) {
                        JsonNode value = target.value();
                        if (value != null && value.isValueNode() && !value.isNull()) {
                            String raw = value.asText();
                            if (raw.length() >= MIN_VALUE_LENGTH) {
                                values.add(raw);
                            }
                        }
                    }
                }
            }
        }
        String result = text;
        for (String value : values.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList()) {
            result = result.replace(value, MASK);
        }
        return result;
    }

    private boolean maskAt(JsonNode data, MaskPath path, MaskMethod method) {
        boolean changed = false;
        for (Target target : targets(data, path)) {
            JsonNode value = target.value();
            if (value == null || value.isNull() || value.isMissingNode()) {
                continue;
            }
            target.replace(TextNode.valueOf(masked(value, method)));
            changed = true;
        }
        return changed;
    }

    private String masked(JsonNode value, MaskMethod method) {
        String text = value.isValueNode() ? value.asText() : value.toString();
        return switch (method) {
            case REDACT -> MASK;
            case LAST4 -> value.isValueNode() && text.length() > 4 ? MASK + text.substring(text.length() - 4) : MASK;
            case HASH -> "hmac-sha256:" + hmac(text);
        };
    }

    private String hmac(String text) {
        if (hashKey == null) {
            // PoliciesFile refuses a hash rule without a key; a rule added later must not leak the value
            return MASK;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** One place a path reaches: a field of an object or an element of an array. */
    private record Target(JsonNode container, String field, int index) {
        JsonNode value() {
            return field != null ? container.get(field) : container.get(index);
        }

        void replace(JsonNode masked) {
            if (field != null) {
                ((ObjectNode) container).set(field, masked);
            } else {
                ((ArrayNode) container).set(index, masked);
            }
        }
    }

    private static List<Target> targets(JsonNode data, MaskPath path) {
        List<JsonNode> current = List.of(data);
        List<Object> steps = path.steps();
        for (int i = 0; i < steps.size() - 1; i++) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                for (Target t : step(node, steps.get(i))) {
                    JsonNode child = t.value();
                    if (child != null && child.isContainerNode()) {
                        next.add(child);
                    }
                }
            }
            current = next;
        }
        List<Target> result = new ArrayList<>();
        for (JsonNode node : current) {
            result.addAll(step(node, steps.get(steps.size() - 1)));
        }
        return result;
    }

    private static List<Target> step(JsonNode node, Object step) {
        if (step == MaskPath.EVERY) {
            if (!node.isArray()) {
                return List.of();
            }
            List<Target> all = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                all.add(new Target(node, null, i));
            }
            return all;
        }
        if (step instanceof Integer index) {
            return node.isArray() && index < node.size() ? List.of(new Target(node, null, index)) : List.of();
        }
        String name = (String) step;
        return node.isObject() && node.has(name) ? List.of(new Target(node, name, -1)) : List.of();
    }
}
