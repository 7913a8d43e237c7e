package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.connector.spi.config.ConfigValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code join} in manual mode building an array → {@code batch} {"size": its count, "window": its timeout}. */
final class JoinMapper implements NodeMapper {
    @Override
    public Mapping map(NodeRedNode node, ImportContext context) throws Unmappable {
        String mode = node.text("mode", "auto");
        if (!mode.equals("custom")) {
            throw new Unmappable("its " + mode + " mode (joining a split's parts by msg.parts, or reducing) has no"
                    + " counterpart; a batch collects a number of events or a time window");
        }
        if (!node.text("build", "array").equals("array")) {
            throw new Unmappable("it builds " + node.text("build") + "; a batch collects an array");
        }
        Map<String, Object> config = new LinkedHashMap<>();
        String count = node.text("count");
        String timeout = node.text("timeout");
        try {
            if (count != null) {
                config.put("size", new BigDecimal(count.trim()).intValueExact());
            }
            if (timeout != null) {
                config.put(
                        "window",
                        new BigDecimal(timeout.trim()).stripTrailingZeros().toPlainString() + "s");
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new Unmappable("its count '" + count + "' or timeout '" + timeout + "' is not a number");
        }
        if (config.isEmpty()) {
            throw new Unmappable("it joins only on msg.complete; a batch needs a size or a window");
        }
        return Mapping.converted(
                "batch",
                (ConfigValue.Fields) ConfigValue.from(config),
                "the batch's data is the array of the events' data (Node-RED joined msg."
                        + node.text("property", "payload") + ")");
    }
}
