package dev.switchboard.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code run} prints once its flows are up: the version, the flows, where webhooks are, the
 * store, the admin address (absent until an admin server is configured), and the line scripts wait
 * for ({@code Switchboard is running …}).
 */
record RunBanner(String version, List<String> flows, String webhooks, String store, Optional<String> admin) {
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Switchboard " + version);
        lines.add("  flows:    "
                + (flows.isEmpty()
                        ? "none yet: deploy with 'switchboard deploy' or the designer's File ▸ Deploy to runtime…"
                        : flows.size() + " (" + String.join(", ", flows) + ")"));
        lines.add("  webhooks: " + webhooks);
        lines.add("  store:    " + store);
        lines.add("  admin:    " + admin.orElse("off"));
        lines.add("Switchboard is running " + flows.size() + " flow(s); webhooks at " + webhooks
                + admin.map(url -> ", admin API at " + url).orElse("") + ". Press Ctrl-C to stop.");
        return lines;
    }
}
