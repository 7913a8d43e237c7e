package dev.switchboard.runtime.model;

import dev.switchboard.connector.spi.RetryPolicy;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.Optional;
import java.util.OptionalInt;

/** Typed read access to a flow's {@code settings} (the validator has checked their shape). */
public final class FlowSettings {
    public static final String RETRY = "retry";
    public static final String DEAD_LETTER = "deadLetter";
    public static final String CONCURRENCY = "concurrency";
    public static final String HISTORY = "history";
    public static final String ORDERING_KEY = "orderingKey";
    /** The most events of one flow a runtime runs at once that {@code settings.concurrency} may ask for. */
    public static final int MAX_CONCURRENCY = 64;

    private final NodeConfig settings;

    public FlowSettings(Flow flow) {
        this.settings = new NodeConfig(flow.settings());
    }

    /** {@code settings.retry}, for every node that names no policy of its own. */
    public Optional<RetryPolicy> retry() {
        return settings.has(RETRY) ? Optional.of(RetryPolicy.from(settings.object(RETRY))) : Optional.empty();
    }

    /** {@code settings.deadLetter}: keep events that failed every attempt for replay (default), or give them up. */
    public boolean keepDeadLetters() {
        return settings.bool(DEAD_LETTER, true);
    }

    /** {@code settings.concurrency}: at most this many of the flow's events run at once; {@code fallback} when unset. */
    public int concurrency(int fallback) {
        return (int) Math.max(1, Math.min(MAX_CONCURRENCY, settings.integer(CONCURRENCY, fallback)));
    }

    /** {@code settings.concurrency} when the flow sets it (1 to {@link #MAX_CONCURRENCY}); empty when it leaves it to the runtime. */
    public OptionalInt concurrencyLimit() {
        return settings.has(CONCURRENCY) ? OptionalInt.of(concurrency(MAX_CONCURRENCY)) : OptionalInt.empty();
    }

    /**
     * {@code settings.orderingKey}: in cluster mode, the template whose value (with the flow id) is the
     * partition key of the flow's accepted events; empty when the flow id alone is the key.
     */
    public Optional<String> orderingKey() {
        return Optional.ofNullable(settings.string(ORDERING_KEY, null));
    }

    /** {@code settings.history}: how much run history the flow keeps; empty when the flow leaves it to the runtime. */
    public Optional<HistoryLevel> history() {
        return settings.has(HISTORY) ? HistoryLevel.parse(settings.string(HISTORY, null)) : Optional.empty();
    }
}
