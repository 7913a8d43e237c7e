package dev.switchboard.runtime.secrets;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blanks every secret value the compiler resolved out of text the runtime stores (run snapshots,
 * dead-letter errors). Values are learnt at compile time, so the mask knows exactly what to hide:
 * the raw value, its JSON-escaped, URL-encoded and base64 forms — including a secret base64'd
 * inside a longer text, as a password is in a Basic Authorization header an API echoes back
 * ({@link SecretForms}).
 *
 * <p>Values shorter than {@value #MIN_LENGTH} characters are not masked at all, and encoded forms
 * shorter than {@value SecretForms#MIN_ENCODED_LENGTH} characters are not either: they would blank
 * ordinary words and pieces of unrelated base64. Every form of a secret of five bytes or more is masked.
 */
public final class SecretMask {
    public static final String MASK = "***";
    /** Shorter values would blank ordinary words; the validator asks for real secrets anyway. */
    public static final int MIN_LENGTH = 4;

    private final Set<String> values = ConcurrentHashMap.newKeySet();
    private volatile List<String> longestFirst = List.of();

    public synchronized void add(String value) {
        if (value == null || value.length() < MIN_LENGTH) {
            return;
        }
        boolean changed = false;
        for (String form : SecretForms.of(value)) {
            changed |= values.add(form);
        }
        if (changed) {
            longestFirst = values.stream()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toList();
        }
    }

    /** True while no secret has been learnt: masking changes nothing. */
    public boolean isEmpty() {
        return longestFirst.isEmpty();
    }

    /**
     * The event with every secret masked, as run history stores it: its CloudEvents JSON masked and
     * read back. Unchanged (the same instance) when it holds no secret. Should a masked value have
     * spanned JSON punctuation (a secret such as {@code a","b}), the data becomes the masked JSON text.
     */
    public Event mask(Event event) {
        if (event == null || isEmpty()) {
            return event;
        }
        String json = Json.write(Json.toCloudEvent(event));
        String masked = mask(json);
        if (masked.equals(json)) {
            return event;
        }
        try {
            return Json.fromCloudEvent(Json.parse(masked));
        } catch (RuntimeException e) {
            return event.withData(TextNode.valueOf(masked));
        }
    }

    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String value : longestFirst) {
            if (result.contains(value)) {
                result = result.replace(value, MASK);
            }
        }
        return result;
    }
}
