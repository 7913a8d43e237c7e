package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.connector.spi.config.ConfigValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code delay}: a fixed delay → {@code delay} {"duration"}; a rate limit of all messages →
 * {@code throttle} {"rate", "per", "excess": "drop" when Node-RED drops intermediate messages,
 * "wait" when it queues them}. Random, per-topic and msg.delay delays have no counterpart.
 */
final class DelayMapper implements NodeMapper {
    private static final Map<String, String> DELAY_UNITS =
            Map.of("milliseconds", "ms", "seconds", "s", "minutes", "m", "hours", "h", "days", "d");
    private static final Map<String, String> RATE_UNITS = Map.of("second", "s", "minute", "m", "hour", "h", "day", "d");
    private static final Map<String, Long> MILLIS =
            Map.of("ms", 1L, "s", 1000L, "m", 60_000L, "h", 3_600_000L, "d", 86_400_000L);

    @Override
    public Mapping map(NodeRedNode node, ImportContext context) throws Unmappable {
        String pauseType = node.text("pauseType", "delay");
        switch (pauseType) {
            case "delay" -> {
                String unit = DELAY_UNITS.get(node.text("timeoutUnits", "seconds"));
                if (unit == null) {
                    throw new Unmappable("its delay unit '" + node.text("timeoutUnits") + "' is unknown");
                }
                return Mapping.converted(
                        "delay", ConfigValue.object("duration", duration(number(node, "timeout", "5"), unit)));
            }
            case "rate" -> {
                String unit = RATE_UNITS.get(node.text("rateUnits", "second"));
                if (unit == null) {
                    throw new Unmappable("its rate unit '" + node.text("rateUnits") + "' is unknown");
                }
                BigDecimal rate = number(node, "rate", "1");
                String per = duration(number(node, "nbRateUnits", "1"), unit);
                List<String> notes = new ArrayList<>();
                if (node.props().integer("outputs", 1) > 1) {
                    notes.add("Node-RED sent the dropped messages to a second output; here they are dropped");
                }
                return Mapping.converted(
                        "throttle",
                        List.of(ConfigValue.object(
                                "rate", rate, "per", per, "excess", node.flag("drop") ? "drop" : "wait")),
                        notes);
            }
            default ->
                throw new Unmappable("its " + pauseType + " mode (random, per topic or from msg.delay) has no"
                        + " counterpart; fixed delays and rate limits do");
        }
    }

    private static BigDecimal number(NodeRedNode node, String field, String fallback) throws Unmappable {
        String text = node.text(field, fallback);
        try {
            BigDecimal n = new BigDecimal(text.trim());
            if (n.signum() <= 0) {
                throw new Unmappable("its " + field + " '" + text + "' is not positive");
            }
            return n.stripTrailingZeros().scale() <= 0 ? n.setScale(0, RoundingMode.UNNECESSARY) : n;
        } catch (NumberFormatException e) {
            throw new Unmappable("its " + field + " '" + text + "' is not a number");
        }
    }

    /** {@code 5s}, {@code 2m}; a fraction of a unit in milliseconds ({@code 1.5s} → {@code 1500ms}). */
    private static String duration(BigDecimal amount, String unit) {
        if (amount.scale() <= 0) {
            return amount.toBigInteger() + unit;
        }
        return amount.multiply(BigDecimal.valueOf(MILLIS.get(unit))).setScale(0, RoundingMode.HALF_UP) + "ms";
    }
}
