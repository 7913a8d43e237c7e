package dev.switchboard.connector.spi;

import java.util.Objects;

/** A named output of a node. The input is implicit: every non-trigger node has exactly one. */
public record PortSpec(String name, String title, String description) {
    public static final String OUT = "out";
    public static final String ERROR = "error";

    public PortSpec {
        Objects.requireNonNull(name, "name");
        title = title == null ? name : title;
        description = description == null ? "" : description;
    }

    public static PortSpec of(String name, String title, String description) {
        return new PortSpec(name, title, description);
    }

    public static PortSpec out() {
        return new PortSpec(OUT, "out", "Every event that passed this node");
    }
}
