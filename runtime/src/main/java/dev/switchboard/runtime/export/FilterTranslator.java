package dev.switchboard.runtime.export;

import java.util.List;

/** {@code filter} as a JSONPath {@code filter}, or a {@code choice} when {@code unmatched} is wired too. */
final class FilterTranslator implements NodeTranslator {

    @Override
    public List<String> types() {
        return List.of("filter");
    }

    @Override
    public void translate(NodeExport node) {
        node.routesItself();
        var predicate = RulePredicates.predicate(node.config(), node, "");
        if (node.isWired("unmatched")) {
            node.add(CamelSteps.choice(
                    List.of(CamelSteps.when(predicate, node.sendTo("matched"))), node.sendTo("unmatched")));
        } else {
            node.add(CamelSteps.filter(predicate, node.sendTo("matched")));
        }
    }
}
