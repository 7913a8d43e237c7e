package dev.switchboard.runtime.model;

import dev.switchboard.connector.spi.PortSpec;
import java.util.Objects;

/**
 * A wire from an output port of one node to the input of another.
 *
 * @param port the output port; null means {@value PortSpec#OUT} (and is how the file leaves it out)
 */
public record Wire(String from, String port, String to) {

    public Wire {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public static Wire of(String from, String to) {
        return new Wire(from, null, to);
    }

    public static Wire of(String from, String port, String to) {
        return new Wire(from, PortSpec.OUT.equals(port) ? null : port, to);
    }

    public String effectivePort() {
        return port == null ? PortSpec.OUT : port;
    }

    /** Same connection regardless of how the default port is spelled. */
    public boolean connects(String fromNode, String fromPort, String toNode) {
        return from.equals(fromNode) && effectivePort().equals(fromPort) && to.equals(toNode);
    }
}
