package dev.switchboard.connector.rules;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rules joined by {@code all} (every rule holds) or {@code any} (at least one holds), read once
 * when a flow compiles. Shared by {@code filter} and each branch of {@code switch}.
 */
public final class RuleSet {
    public enum Match {
        ALL,
        ANY
    }

    private final Match match;
    private final List<Rule> rules;

    private RuleSet(Match match, List<Rule> rules) {
        this.match = match;
        this.rules = List.copyOf(rules);
    }

    public boolean test(Event event) {
        if (match == Match.ALL) {
            for (Rule rule : rules) {
                if (!rule.test(event)) {
                    return false;
                }
            }
            return true;
        }
        for (Rule rule : rules) {
            if (rule.test(event)) {
                return true;
            }
        }
        return false;
    }

    public Match match() {
        return match;
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * Reads {@code match} and {@code rules} from {@code config}, whose own pointer is {@code pointer}
     * ("" for a node config, "/branches/1" for a switch branch). Problems are added to
     * {@code problems}; the result is null when there were any.
     */
    public static RuleSet read(NodeConfig config, String pointer, List<ConfigProblem> problems) {
        int before = problems.size();
        String matchText = config.string("match", "all");
        Match match = null;
        try {
            match = Match.valueOf(matchText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(pointer + "/match", "match is '" + matchText + "'; expected all or any"));
        }
        List<NodeConfig> items = config.objects("rules");
        if (items.isEmpty()) {
            problems.add(new ConfigProblem(
                    pointer + "/rules",
                    "Add at least one rule, e.g. {\"field\": \"data.score\", \"op\": \"gt\", \"value\": 50}"));
        } else if (items.size() != config.list("rules").size()) {
            problems.add(new ConfigProblem(pointer + "/rules", "Each rule is an object with field, op and value"));
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Rule rule = Rule.read(items.get(i), pointer + "/rules/" + i, problems);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return problems.size() == before ? new RuleSet(match, rules) : null;
    }

    /** Reads a rule set for compiling, from a config the compiler checked with {@link #read} already. */
    public static RuleSet compile(NodeConfig config, String pointer) {
        return read(config, pointer, new ArrayList<>());
    }

    @Override
    public String toString() {
        return match.name().toLowerCase(Locale.ROOT) + rules;
    }
}
