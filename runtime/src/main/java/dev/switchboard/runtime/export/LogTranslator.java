package dev.switchboard.runtime.export;

import java.util.List;
import java.util.Locale;

/** {@code log} as {@code log} to {@code switchboard.flow.<flow>}: the message as simple, else the body. */
final class LogTranslator implements NodeTranslator {

    @Override
    public List<String> types() {
        return List.of("log");
    }

    @Override
    public void translate(NodeExport node) {
        String message = node.config()
                .string("message")
                .map(m -> SimpleTemplates.simple(m, node, "message"))
                .orElse("${body}");
        String level = node.config().string("level", "info").toUpperCase(Locale.ROOT);
        node.add(CamelSteps.log(node.nodeId() + ": " + message, level, "switchboard.flow." + node.flowId()));
    }
}
