package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.MalformedFlowException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code inject} with a repeat interval or a crontab → {@code schedule}; a manual inject has no trigger. */
final class InjectMapper implements NodeMapper {
    @Override
    public Mapping map(NodeRedNode node, ImportContext context) throws Unmappable {
        Map<String, Object> config = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        String repeat = node.text("repeat");
        String crontab = node.text("crontab");
        if (repeat != null) {
            config.put("mode", "interval");
            config.put("interval", seconds(repeat));
            if (node.flag("once")) {
                notes.add(
                        "Node-RED also fired once at start-up; the schedule fires first one interval after the start");
            }
        } else if (crontab != null) {
            config.put("mode", "cron");
            config.put("cron", Crontab.toQuartz(crontab));
            notes.add("the schedule runs in UTC (timeZone), Node-RED in the server's local time");
        } else {
            throw new Unmappable("it injects by hand or once at start-up only, and Switchboard triggers start on an"
                    + " interval, a cron time or an arriving message (the designer's Inject sends a sample by hand)");
        }
        payload(node, config, notes);
        return Mapping.converted("schedule", List.of((ConfigValue.Fields) ConfigValue.from(config)), notes);
    }

    private static String seconds(String repeat) throws Unmappable {
        try {
            BigDecimal s = new BigDecimal(repeat.trim());
            if (s.signum() <= 0) {
                throw new Unmappable("its repeat interval '" + repeat + "' is not a positive number of seconds");
            }
            return s.stripTrailingZeros().scale() <= 0
                    ? s.toBigIntegerExact() + "s"
                    : s.multiply(BigDecimal.valueOf(1000)).setScale(0, java.math.RoundingMode.HALF_UP) + "ms";
        } catch (NumberFormatException e) {
            throw new Unmappable("its repeat interval '" + repeat + "' is not a number of seconds");
        }
    }

    private static void payload(NodeRedNode node, Map<String, Object> config, List<String> notes) throws Unmappable {
        String type = node.text("payloadType", "date");
        String payload = node.props().string("payload", "");
        switch (type) {
            case "date" ->
                notes.add("Node-RED's payload was the time in milliseconds; the schedule's data is"
                        + " {\"firedAt\": ISO time, \"count\": n}");
            case "str" -> config.put("payload", payload);
            case "num" -> config.put("payload", number(payload));
            case "bool" -> config.put("payload", Boolean.parseBoolean(payload));
            case "json" -> {
                try {
                    config.put("payload", FlowCodec.parseValue(payload));
                } catch (MalformedFlowException e) {
                    throw new Unmappable("its JSON payload does not parse: " + e.getMessage());
                }
            }
            default -> throw new Unmappable("its payload is of type " + type + ", which a schedule cannot produce");
        }
        if (node.text("topic") != null) {
            notes.add("msg.topic '" + node.text("topic") + "' is not set: a schedule's event has no subject");
        }
    }

    private static BigDecimal number(String text) throws Unmappable {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new Unmappable("its number payload '" + text + "' is not a number");
        }
    }
}
