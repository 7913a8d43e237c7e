package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.connector.spi.config.ConfigValue;
import java.util.Locale;
import java.util.regex.Pattern;

/** {@code http in} → {@code webhook} (path, method). */
final class HttpInMapper implements NodeMapper {
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~\\-/]*");

    @Override
    public Mapping map(NodeRedNode node, ImportContext context) throws Unmappable {
        String method = node.text("method", "get").toUpperCase(Locale.ROOT);
        if (!method.equals("POST") && !method.equals("PUT")) {
            throw new Unmappable("it answers " + method + ", and the webhook trigger takes POST or PUT only");
        }
        String url = node.text("url", "");
        String path = (url.startsWith("/") ? url : "/" + url).replaceAll("/+$", "");
        if (url.contains(":") || url.contains("*")) {
            throw new Unmappable("its URL '" + url + "' has path parameters, which a webhook path does not have");
        }
        if (path.isEmpty() || !PATH.matcher(path).matches()) {
            throw new Unmappable("its URL '" + url + "' is not a webhook path (letters, digits and . _ ~ - /)");
        }
        return Mapping.converted(
                "webhook",
                ConfigValue.object("path", path, "method", method),
                "the webhook answers 202 {\"id\": …} as soon as the event is stored, before the flow runs;"
                        + " query parameters and msg.req are not part of the event");
    }
}
