package dev.switchboard.runtime.policy;

import dev.switchboard.runtime.validate.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the {@code classification} of masking rules into the paths the data contracts annotate
 * with it, once, when {@code run} starts: a schema registered later is masked from the next start.
 */
public final class ClassifiedMasking {
    private ClassifiedMasking() {}

    /**
     * The policies with each classifying rule's fields extended by the paths classified so.
     *
     * @param classified classification → paths ({@code data.customer.email}), from every registered schema
     * @throws PolicyFileException at {@code /masking/i/classification} for a classification no schema uses:
     *     a rule meant to hide something that hides nothing is a mistake, not a quiet no-op
     */
    public static Policies resolve(Path file, Policies policies, Map<String, ? extends Collection<String>> classified)
            throws PolicyFileException {
        List<Problem> problems = new ArrayList<>();
        List<MaskRule> rules = new ArrayList<>();
        for (int i = 0; i < policies.masking().size(); i++) {
            MaskRule rule = policies.masking().get(i);
            if (rule.classification() == null) {
                rules.add(rule);
                continue;
            }
            String pointer = "/masking/" + i + "/classification";
            Collection<String> paths = classified.get(rule.classification());
            if (paths == null || paths.isEmpty()) {
                problems.add(Problem.error(
                        pointer,
                        "No field of any registered schema is annotated \"x-classification\": \""
                                + rule.classification() + "\"" + known(classified)));
                continue;
            }
            Set<MaskPath> fields = new LinkedHashSet<>(rule.fields());
            for (String path : paths) {
                try {
                    fields.add(MaskPath.parse(path));
                } catch (IllegalArgumentException e) {
                    problems.add(Problem.error(pointer, "A classified field cannot be masked: " + e.getMessage()));
                }
            }
            rules.add(new MaskRule(
                    rule.name(), List.copyOf(fields), rule.method(), rule.destinations(), rule.classification()));
        }
        if (!problems.isEmpty()) {
            throw new PolicyFileException(file, problems);
        }
        return new Policies(rules, policies.routing(), policies.hashKey());
    }

    private static String known(Map<String, ? extends Collection<String>> classified) {
        return classified.isEmpty()
                ? " (the registered schemas classify no field)"
                : " (classifications in use: " + String.join(", ", classified.keySet()) + ")";
    }
}
