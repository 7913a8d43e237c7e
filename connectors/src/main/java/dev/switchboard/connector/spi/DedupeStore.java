package dev.switchboard.connector.spi;

import java.time.Duration;

/**
 * Remembers keys for a while so a step can drop repeats; the runtime provides it through
 * {@link NodeContext#service(Class)}, backed by its store so keys survive a restart.
 */
public interface DedupeStore {

    /** Whether {@code key} was remembered in {@code scope} and has not expired yet. */
    boolean seen(String scope, String key);

    /** Remembers {@code key} in {@code scope} for {@code window}, durably before returning. */
    void remember(String scope, String key, Duration window);
}
