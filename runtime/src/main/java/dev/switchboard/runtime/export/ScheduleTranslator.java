package dev.switchboard.runtime.export;

import static dev.switchboard.runtime.export.CamelSteps.constant;
import static dev.switchboard.runtime.export.CamelSteps.map;

import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.runtime.format.FlowCodec;
import java.util.List;

/** {@code schedule} as {@code timer} (interval) or {@code quartz} (cron, with its time zone); the payload is the body. */
final class ScheduleTranslator implements NodeTranslator {

    @Override
    public List<String> types() {
        return List.of("schedule");
    }

    @Override
    public void translate(NodeExport node) {
        NodeConfig config = node.config();
        if (config.string("mode", "interval").equals("cron")) {
            node.from(
                    "quartz:" + node.flowId() + "/" + node.nodeId(),
                    map("cron", config.string("cron", ""), "trigger.timeZone", config.string("timeZone", "UTC")));
        } else {
            long millis =
                    config.duration("interval", java.time.Duration.ofMinutes(1)).toMillis();
            node.from("timer:" + node.flowId() + "." + node.nodeId(), map("period", millis));
        }
        String payload =
                config.value("payload").map(FlowCodec::writeValueToString).orElse("null");
        node.add(CamelSteps.setBody(constant(payload)));
        node.note(
                "missed runs",
                "a stopped Camel does not run the ticks it missed, like Switchboard; runs are not recorded");
    }
}
