package dev.switchboard.designer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A node's warning text split for display, one violation a line: the runtime notes a broken
 * contract as {@code breaks the contract orders@1: /total: …; /currency: …; and 2 more} (several
 * such notes of one step joined by {@code "; "}), which on one line runs off any tooltip or panel.
 */
public final class ContractWarnings {
    /** Where one violation, a "more" count or another note begins: pointers always start with '/'. */
    private static final Pattern NEXT = Pattern.compile("; (?=/|and \\d+ more$|breaks the contract )");

    private static final String BREAKS = "breaks the contract ";

    private ContractWarnings() {}

    /**
     * One note: its heading ({@code breaks the contract orders@1}, or the whole text of a note of
     * another kind) and its violations, each with its JSON pointer.
     */
    public record Note(String heading, List<String> violations) {}

    public static List<Note> parse(String warning) {
        List<Note> notes = new ArrayList<>();
        String heading = null;
        List<String> violations = new ArrayList<>();
        for (String part : NEXT.split(warning)) {
            int colon = part.indexOf(": ");
            if (part.startsWith(BREAKS) && colon > 0) {
                if (heading != null) {
                    notes.add(new Note(heading, List.copyOf(violations)));
                }
                heading = part.substring(0, colon);
                violations = new ArrayList<>(List.of(part.substring(colon + 2)));
            } else if (heading != null) {
                violations.add(part);
            } else {
                notes.add(new Note(part, List.of()));
            }
        }
        if (heading != null) {
            notes.add(new Note(heading, List.copyOf(violations)));
        }
        return notes;
    }

    /** The warning as lines: each heading with a colon, each violation indented below it. */
    public static List<String> lines(String warning) {
        List<String> lines = new ArrayList<>();
        for (Note note : parse(warning)) {
            lines.add(note.heading() + (note.violations().isEmpty() ? "" : ":"));
            note.violations().forEach(v -> lines.add("    " + v));
        }
        return lines;
    }
}
