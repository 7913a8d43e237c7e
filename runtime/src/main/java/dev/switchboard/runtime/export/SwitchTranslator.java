package dev.switchboard.runtime.export;

import static dev.switchboard.runtime.export.CamelSteps.constant;
import static dev.switchboard.runtime.export.CamelSteps.simple;

import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code switch}: mode {@code first} as a {@code choice} (first match wins, {@code default} as
 * otherwise); mode {@code all} as one filter per branch, each sending a copy, and {@code default}
 * when no branch set the {@code switchMatched} variable.
 */
final class SwitchTranslator implements NodeTranslator {
    private static final String MATCHED = "switchMatched";

    @Override
    public List<String> types() {
        return List.of("switch");
    }

    @Override
    public void translate(NodeExport node) {
        node.routesItself();
        List<NodeConfig> branches = node.config().objects("branches");
        if (node.config().string("mode", "first").equals("all")) {
            node.add(CamelSteps.setVariable(MATCHED, constant("false")));
            for (NodeConfig branch : branches) {
                String name = branch.string("name", "");
                List<Object> steps = new ArrayList<>();
                steps.add(CamelSteps.setVariable(MATCHED, constant("true")));
                List<Object> sends = node.sendTo(name);
                if (!sends.isEmpty()) {
                    // each matching branch gets its own copy, as in Switchboard
                    steps.add(CamelSteps.step("multicast", CamelSteps.map("steps", sends)));
                }
                node.add(CamelSteps.filter(RulePredicates.predicate(branch, node, "branch " + name + ": "), steps));
            }
            node.add(CamelSteps.filter(simple("${variable." + MATCHED + "} == 'false'"), node.sendTo("default")));
            return;
        }
        List<Object> whens = new ArrayList<>();
        for (NodeConfig branch : branches) {
            String name = branch.string("name", "");
            whens.add(CamelSteps.when(
                    RulePredicates.predicate(branch, node, "branch " + name + ": "), node.sendTo(name)));
        }
        node.add(CamelSteps.choice(whens, node.sendTo("default")));
    }
}
