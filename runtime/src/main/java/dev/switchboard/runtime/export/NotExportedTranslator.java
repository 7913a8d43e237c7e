package dev.switchboard.runtime.export;

import static dev.switchboard.runtime.export.CamelSteps.map;

import java.util.List;

/**
 * Any connector without a Camel equivalent here (dedupe, the SaaS triggers and actions, third-party
 * connectors): a trigger becomes a {@code direct:} input nothing calls, a step passes events on
 * unchanged, and either way the note says so.
 */
final class NotExportedTranslator implements NodeTranslator {
    private final boolean trigger;

    NotExportedTranslator(boolean trigger) {
        this.trigger = trigger;
    }

    @Override
    public List<String> types() {
        return List.of();
    }

    @Override
    public void translate(NodeExport node) {
        boolean saas = node.type().endsWith(".event")
                || node.type().startsWith("slack.")
                || node.type().startsWith("github.")
                || node.type().startsWith("hubspot.");
        String why;
        if (node.type().equals("dedupe")) {
            why = "the dedupe store has no stock Camel equivalent here (an idempotentConsumer needs a repository bean)";
        } else if (saas && trigger) {
            why = "the vendor's signature check, replay window and delivery ids have no stock Camel equivalent";
        } else if (saas) {
            why =
                    "the vendor API call (its error shapes and rate limits) is not exported; an http step could replace it";
        } else {
            why = "no Camel translation for this connector";
        }
        if (trigger) {
            String input = NodeExport.inputOf(node.flowId(), node.nodeId());
            node.from(input, map());
            node.note(node.type() + " not exported", why + "; the route starts at " + input + ", which nothing calls");
        } else {
            node.note(node.type() + " not exported", why + "; events pass through unchanged");
        }
    }
}
