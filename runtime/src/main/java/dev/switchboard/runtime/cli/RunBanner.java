package dev.switchboard.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code run} prints once its flows are up: the version, the flows, where webhooks are, the
 * store, the admin address (absent until an admin server is configured), and the line scripts wait
 * for ({@code Switchboard is running …}).
 */
record RunBanner(String version, List<String> flows, String webhooks, String store, Optional<String> admin) {
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^;&]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^:/@]+):[^@/]*@");

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Switchboard " + version);
        lines.add("  flows:    " + flows.size() + " (" + String.join(", ", flows) + ")");
        lines.add("  webhooks: " + webhooks);
        lines.add("  store:    " + store);
        lines.add("  admin:    " + admin.orElse("off"));
        lines.add("Switchboard is running " + flows.size() + " flow(s); webhooks at " + webhooks
                + ". Press Ctrl-C to stop.");
        return lines;
    }

    /** A JDBC URL without the password it may carry ({@code password=…}, {@code //user:pass@host}). */
    static String withoutPassword(String jdbcUrl) {
        String url = PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1***");
        return USER_INFO.matcher(url).replaceAll("//$1:***@");
    }
}
