package dev.switchboard.runtime.store;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.DedupeStore;
import dev.switchboard.runtime.compile.Services;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An engine on the store: durable inbox for push triggers, dead letters, run history with
 * lineage, and dedupe keys. Closing it is the graceful shutdown: triggers stop, in-flight events
 * finish (bounded by the drain timeout), history is flushed, then the store closes.
 */
public final class DurableRuntime implements AutoCloseable {
    private final Store store;
    private final StoreInbox inbox;
    private final HistoryWriter history;
    private final DeadLetterStore deadLetters;
    private final Engine engine;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DurableRuntime(Store store, StoreInbox inbox, HistoryWriter history, DeadLetterStore deadLetters, Engine engine) {
        this.store = store;
        this.inbox = inbox;
        this.history = history;
        this.deadLetters = deadLetters;
        this.engine = engine;
    }

    /** Opens (and migrates) the store at {@code dbUrl}, or the default one in the data folder when null, and starts the engine. */
    public static DurableRuntime start(EngineOptions options, ConnectorCatalog catalog, SecretResolver secrets, String dbUrl,
                                       HistoryOptions historyOptions) {
        Store store = dbUrl == null ? Store.openDefault(options.dataDir()) : Store.open(dbUrl);
        StoreInbox inbox = new StoreInbox(store);
        DeadLetterStore deadLetters = new DeadLetterStore(store);
        Services services = new Services().register(DedupeStore.class, new StoreDedupe(store));
        Engine engine = new Engine(options, catalog, secrets, services, inbox, deadLetters);
        HistoryWriter history = new HistoryWriter(store, engine.secretMask(), historyOptions);
        engine.addRunListener(history);
        try {
            engine.start();
        } catch (RuntimeException e) {
            history.close();
            inbox.close();
            store.close();
            throw e;
        }
        return new DurableRuntime(store, inbox, history, deadLetters, engine);
    }

    public Engine engine() { return engine; }
    public Store store() { return store; }
    public StoreInbox inbox() { return inbox; }
    public HistoryWriter history() { return history; }
    public DeadLetterStore deadLetters() { return deadLetters; }

    public RunQueries runs() {
        return new RunQueries(store);
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        engine.close();
        history.awaitWritten(Duration.ofSeconds(10));
        history.close();
        store.close();
    }
}
