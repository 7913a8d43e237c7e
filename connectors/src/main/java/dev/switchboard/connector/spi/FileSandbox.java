package dev.switchboard.connector.spi;

import java.nio.file.Path;

/**
 * The folder file connectors may read and write, provided by the hosting runtime through
 * {@link NodeContext#service(Class)}. Paths in flows (often rendered from event data) are relative
 * to it and can never reach outside it.
 */
public interface FileSandbox {

    /** The sandbox folder itself. */
    Path root();

    /**
     * The absolute path for {@code relative} inside the sandbox.
     *
     * @throws SandboxViolationException for an empty or absolute path, a {@code ..} that leaves the
     *         sandbox, or a symbolic link that points outside it
     */
    Path resolve(String relative);

    /** A path a flow may not use; the message says which path and why. */
    final class SandboxViolationException extends IllegalArgumentException {
        public SandboxViolationException(String message) {
            super(message);
        }
    }
}
