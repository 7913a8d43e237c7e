package dev.switchboard.connector.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A connector's help: Markdown resources beside its class (e.g.
 * {@code dev/switchboard/connector/filter/filter.md}), the one home of its help text and of its
 * example config — the fenced block marked {@code ```json example}.
 */
public final class Help {
    /** The info string of the fenced block that holds a connector's example config. */
    public static final String EXAMPLE_FENCE = "```json example";

    private Help() {}

    /**
     * The resources {@code names} (relative to {@code anchor}'s package, or absolute when they start
     * with {@code /}), joined by a blank line.
     *
     * @throws IllegalStateException when one is missing, so a connector without its help never loads unnoticed
     */
    public static String load(Class<?> anchor, String... names) {
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            try (InputStream in = anchor.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("The help of " + anchor.getName() + " is missing: no resource '"
                            + name + "' beside the class (expected " + resourcePath(anchor, name) + ")");
                }
                parts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the help " + resourcePath(anchor, name), e);
            }
        }
        return String.join("\n\n", parts) + "\n";
    }

    /**
     * The example config in {@code markdown}: the text of its first fenced block marked
     * {@value #EXAMPLE_FENCE}, or empty when there is none.
     */
    public static String example(String markdown) {
        List<String> examples = examples(markdown);
        return examples.isEmpty() ? "" : examples.get(0);
    }

    /** The text of every fenced block marked {@value #EXAMPLE_FENCE}, in order. */
    public static List<String> examples(String markdown) {
        List<String> found = new ArrayList<>();
        StringBuilder block = null;
        for (String line : markdown.split("\n", -1)) {
            String trimmed = line.strip();
            if (block == null) {
                if (trimmed.equals(EXAMPLE_FENCE)) {
                    block = new StringBuilder();
                }
            } else if (trimmed.equals("```")) {
                found.add(block.toString().strip());
                block = null;
            } else {
                block.append(line).append('\n');
            }
        }
        return found;
    }

    private static String resourcePath(Class<?> anchor, String name) {
        return name.startsWith("/")
                ? name.substring(1)
                : anchor.getPackageName().replace('.', '/') + "/" + name;
    }
}
