package dev.switchboard.runtime.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The central policies of a runtime ({@code policies.json}), applied to every flow without editing
 * it: masking of fields, and routing limits on where events may be sent.
 *
 * @param hashKey the key {@link MaskMethod#HASH} uses (a resolved secret), or null when no rule hashes
 */
public record Policies(List<MaskRule> masking, List<RoutingRule> routing, byte[] hashKey) {
    public static final Policies NONE = new Policies(List.of(), List.of(), null);

    public Policies {
        masking = List.copyOf(masking);
        routing = List.copyOf(routing);
        hashKey = hashKey == null ? null : hashKey.clone();
    }

    public boolean isEmpty() {
        return masking.isEmpty() && routing.isEmpty();
    }

    /** The same policies with more masking rules, e.g. the fields data contracts classify. */
    public Policies withMasking(List<MaskRule> more) {
        List<MaskRule> all = new ArrayList<>(masking);
        all.addAll(more);
        return new Policies(all, routing, hashKey);
    }

    @Override
    public byte[] hashKey() {
        return hashKey == null ? null : hashKey.clone();
    }

    @Override
    public String toString() {
        return "Policies[masking=" + masking.size() + ", routing=" + routing.size() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Policies p
                && masking.equals(p.masking)
                && routing.equals(p.routing)
                && Arrays.equals(hashKey, p.hashKey);
    }

    @Override
    public int hashCode() {
        return masking.hashCode() * 31 + routing.hashCode();
    }
}
