package dev.switchboard.connector.ingress;

/** The webhook port is taken by another program: the ingress cannot listen, and says so at start. */
public final class PortInUseException extends IllegalStateException {
    private final String host;
    private final int port;

    public PortInUseException(String host, int port, Throwable cause) {
        super(
                "Cannot listen for webhooks on " + host + ":" + port
                        + ": the port is already in use by another program."
                        + " Stop that program or choose another port with --port.",
                cause);
        this.host = host;
        this.port = port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
