package dev.switchboard.runtime.export;

import static dev.switchboard.runtime.export.CamelSteps.map;

import java.util.List;

/**
 * {@code event.publish} / {@code event.subscribe} as {@code seda} topics in the same Camel: every
 * subscriber of a topic gets a copy ({@code multipleConsumers}); nothing is stored in between.
 */
final class PubSubTranslator implements NodeTranslator {

    @Override
    public List<String> types() {
        return List.of("event.publish", "event.subscribe");
    }

    @Override
    public void translate(NodeExport node) {
        String topic = node.config().string("topic", "");
        if (node.type().equals("event.subscribe")) {
            node.from("seda:" + topic, map("multipleConsumers", true));
        } else if (TemplateParts.parse(topic).hasLookups()) {
            node.add(CamelSteps.toD(
                    "seda:" + SimpleTemplates.simple(topic, node, "topic"),
                    map("multipleConsumers", true, "waitForTaskToComplete", "Never")));
        } else {
            node.add(CamelSteps.to("seda:" + topic, map("multipleConsumers", true, "waitForTaskToComplete", "Never")));
        }
        node.note(
                "topic " + topic,
                "an in-memory seda queue: only flows exported into the same Camel see it, and queued events are lost on"
                        + " stop");
    }
}
