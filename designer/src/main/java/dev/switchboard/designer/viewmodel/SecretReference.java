package dev.switchboard.designer.viewmodel;

import dev.switchboard.runtime.secrets.SecretResolver;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{secret:NAME}}} form a secret field stores; the user types only NAME. The pattern is
 * the runtime's ({@link SecretResolver#REFERENCE}), so the designer accepts exactly what resolves.
 */
public final class SecretReference {
    public static final Pattern NAME = SecretResolver.NAME;

    private SecretReference() {}

    public static String of(String name) {
        return "{{secret:" + name + "}}";
    }

    /** The NAME of a value that is exactly one secret reference. */
    public static Optional<String> name(String value) {
        Matcher m = SecretResolver.REFERENCE.matcher(value.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }
}
