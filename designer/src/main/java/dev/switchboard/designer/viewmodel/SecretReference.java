package dev.switchboard.designer.viewmodel;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code {{secret:NAME}}} form a secret field stores; the user types only NAME. */
public final class SecretReference {
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern WHOLE = Pattern.compile("\\{\\{\\s*secret:([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private SecretReference() {}

    public static String of(String name) {
        return "{{secret:" + name + "}}";
    }

    /** The NAME of a value that is exactly one secret reference. */
    public static Optional<String> name(String value) {
        Matcher m = WHOLE.matcher(value.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }
}
