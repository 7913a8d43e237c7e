package dev.switchboard.connector.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The comparison a rule applies between an event field and the rule's value. */
public enum Operator {
    EQ("eq", "equals"),
    NE("ne", "does not equal"),
    GT("gt", "is greater than"),
    GTE("gte", "is greater than or equal to"),
    LT("lt", "is less than"),
    LTE("lte", "is less than or equal to"),
    CONTAINS("contains", "contains (text: substring; array: an element equal to the value)"),
    STARTS_WITH("startsWith", "starts with"),
    EXISTS("exists", "is present and not null (value false: is absent or null)"),
    IN("in", "equals one of the values in the array"),
    MATCHES("matches", "matches the regular expression somewhere (anchor with ^…$ for a full match)");

    private final String word;
    private final String meaning;

    Operator(String word, String meaning) {
        this.word = word;
        this.meaning = meaning;
    }

    /** The spelling used in flow files, e.g. {@code startsWith}. */
    public String word() {
        return word;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<Operator> fromWord(String word) {
        return Arrays.stream(values()).filter(o -> o.word.equals(word)).findFirst();
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(Operator::word).toList();
    }
}
