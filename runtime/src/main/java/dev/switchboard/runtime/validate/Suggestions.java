package dev.switchboard.runtime.validate;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean …?" for mistyped ids and names. Edit distance is a dozen lines; not worth a
 * new dependency (commons-text) in the runtime for it.
 */
final class Suggestions {
    private Suggestions() {}

    /** The candidate closest to {@code wrong}, if it is close enough to be a plausible typo. */
    static Optional<String> closest(String wrong, Collection<String> candidates) {
        if (wrong == null || wrong.isBlank()) {
            return Optional.empty();
        }
        String w = wrong.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            int d = c.equals(w) ? 0 : distance(w, c);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int tolerance = Math.max(2, w.length() / 3);
        if (best != null
                && (bestDistance <= tolerance || best.toLowerCase(Locale.ROOT).endsWith("." + w))) {
            return Optional.of(best);
        }
        return Optional.empty();
    }

    /** " Did you mean 'x'?" or an empty string. */
    static String didYouMean(String wrong, Collection<String> candidates) {
        return closest(wrong, candidates).map(s -> " Did you mean '" + s + "'?").orElse("");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
