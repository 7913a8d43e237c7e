package dev.switchboard.runtime.policy;

import java.util.List;

/**
 * One masking policy: the fields it hides and how.
 *
 * @param name the policy's name (its {@code name}, else {@code masking[i]}): in run records, metrics
 *     and messages
 * @param fields where the values are; a rule may come from elsewhere than policies.json (a data
 *     contract's classified fields), the masker only needs the paths
 * @param destinations where events are also sent masked ({@code http://crm.local/*},
 *     {@code kafka:topic-x}); empty: only what the runtime stores and shows is masked
 * @param classification the {@code x-classification} of contract fields the rule also masks, or null;
 *     {@code run} resolves it into {@link #fields} when it starts ({@link ClassifiedMasking})
 */
public record MaskRule(
        String name, List<MaskPath> fields, MaskMethod method, List<String> destinations, String classification) {
    public MaskRule {
        fields = List.copyOf(fields);
        destinations = List.copyOf(destinations);
    }

    public MaskRule(String name, List<MaskPath> fields, MaskMethod method, List<String> destinations) {
        this(name, fields, method, destinations, null);
    }

    /** Whether events sent to {@code destination} (a URL, or {@code scheme:topic}) are masked by this rule. */
    public boolean masksSendsTo(String destination) {
        return destinations.stream().anyMatch(pattern -> Globs.matches(pattern, destination));
    }
}
