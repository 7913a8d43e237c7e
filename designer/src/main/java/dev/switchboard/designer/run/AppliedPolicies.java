package dev.switchboard.designer.run;

import dev.switchboard.runtime.policy.MaskRule;
import dev.switchboard.runtime.policy.Policies;
import dev.switchboard.runtime.policy.RoutingRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The policies a running engine applies: the file (none: nothing is masked or blocked), a digest
 * of its bytes when it was read — to tell an edit apart from the file as applied — and its rules'
 * names for the Run panel.
 */
public record AppliedPolicies(Optional<Path> file, String digest, List<String> masking, List<String> routing) {
    public static final AppliedPolicies NONE = new AppliedPolicies(Optional.empty(), "", List.of(), List.of());

    public AppliedPolicies {
        masking = List.copyOf(masking);
        routing = List.copyOf(routing);
    }

    static AppliedPolicies of(Path file, String digest, Policies policies) {
        return new AppliedPolicies(
                Optional.of(file),
                digest,
                policies.masking().stream().map(MaskRule::name).toList(),
                policies.routing().stream().map(RoutingRule::name).toList());
    }

    /** How many rules of each kind: {@code masking 2 · routing 1}. */
    public String counts() {
        return "masking " + masking.size() + " · routing " + routing.size();
    }

    /** The rules with their names: {@code masking 2 (cards, emails) · routing 1 (eu-only)}. */
    public String rules() {
        return count("masking", masking) + " · " + count("routing", routing);
    }

    private static String count(String kind, List<String> names) {
        return kind + " " + names.size() + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")");
    }

    /** Whether {@code file} (empty: none) is not what was applied, in place or in content. */
    boolean differsFrom(Optional<Path> other) {
        return !file.equals(other)
                || !digest.equals(other.map(AppliedPolicies::digestOf).orElse(""));
    }

    /** SHA-256 of the file's bytes; "" when it is gone (a later look finds it missing, hence changed). */
    static String digestOf(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchFileException gone) {
            return "";
        } catch (IOException e) {
            // unreadable now: not the bytes that were applied, so the next Run reads it and says why
            return "unreadable: " + e.getMessage();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
