package dev.switchboard.runtime.store;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.DedupeStore;
import dev.switchboard.connector.spi.OnlineModelStore;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.engine.Inbox;
import dev.switchboard.runtime.engine.compile.Services;
import dev.switchboard.runtime.secrets.SecretResolver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * An engine on the store: durable inbox for push triggers and retries, dead letters, run history
 * with lineage, dedupe keys and online models; one runtime per store ({@link StoreOwnership}). Closing it is the
 * graceful shutdown, in this order: triggers stop, in-flight events finish (bounded by the drain
 * timeout) and what they did is committed, history is flushed, the store closes, and only then
 * is the store given up.
 */
public final class DurableRuntime implements AutoCloseable {
    private final Store store;
    private final StoreInbox inbox;
    private final HistoryWriter history;
    private final DeadLetterStore deadLetters;
    private final Engine engine;
    private final Inbox engineInbox;
    private final StoreOwnership ownership;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<AutoCloseable> afterEngine = new CopyOnWriteArrayList<>();

    private DurableRuntime(
            StoreOwnership ownership,
            Store store,
            StoreInbox inbox,
            HistoryWriter history,
            DeadLetterStore deadLetters,
            Engine engine,
            Inbox engineInbox) {
        this.engineInbox = engineInbox;
        this.ownership = ownership;
        this.store = store;
        this.inbox = inbox;
        this.history = history;
        this.deadLetters = deadLetters;
        this.engine = engine;
    }

    /**
     * Takes the store at {@code dbUrl} (the default one in the data folder when null) for this
     * process, opens and migrates it, and starts the engine.
     *
     * @throws StoreOwnership.StoreInUseException when another runtime runs on the same store
     */
    public static DurableRuntime start(
            EngineOptions options,
            ConnectorCatalog catalog,
            SecretResolver secrets,
            String dbUrl,
            HistoryOptions historyOptions) {
        return start(options, catalog, secrets, dbUrl, historyOptions, InboxChoice.STORE);
    }

    /**
     * Where push triggers leave their events, given the store's own inbox: the store's inbox itself,
     * or one in front of it (cluster mode: a Kafka topic, the store's inbox keeping retries). The
     * engine is there by the time the inbox is started.
     */
    public interface InboxChoice {
        InboxChoice STORE = (shared, engine) -> shared;

        Inbox inbox(StoreInbox shared, Supplier<Engine> engine);
    }

    /** Like {@link #start(EngineOptions, ConnectorCatalog, SecretResolver, String, HistoryOptions)}, with the inbox {@code choice} gives. */
    public static DurableRuntime start(
            EngineOptions options,
            ConnectorCatalog catalog,
            SecretResolver secrets,
            String dbUrl,
            HistoryOptions historyOptions,
            InboxChoice choice) {
        String url = dbUrl == null ? Store.defaultUrl(options.dataDir()) : dbUrl;
        StoreOwnership ownership = StoreOwnership.acquire(url).orElse(null);
        try {
            return start(ownership, Store.open(url), options, catalog, secrets, historyOptions, choice);
        } catch (RuntimeException e) {
            if (ownership != null) {
                ownership.close();
            }
            throw e;
        }
    }

    private static DurableRuntime start(
            StoreOwnership ownership,
            Store store,
            EngineOptions options,
            ConnectorCatalog catalog,
            SecretResolver secrets,
            HistoryOptions historyOptions,
            InboxChoice choice) {
        // before the inbox reads or writes a row: events at rest are sealed while policies mask fields
        store.keepEventsAs(options.policies().eventsAtRest());
        StoreInbox inbox = new StoreInbox(store);
        AtomicReference<Engine> engineRef = new AtomicReference<>();
        Inbox engineInbox = choice.inbox(inbox, engineRef::get);
        DeadLetterStore deadLetters = new DeadLetterStore(store);
        Services services = new Services()
                .register(DedupeStore.class, new StoreDedupe(store))
                .register(OnlineModelStore.class, new StoreOnlineModels(store));
        Engine engine = new Engine(options, catalog, secrets, services, engineInbox, deadLetters);
        engineRef.set(engine);
        HistoryWriter history = new HistoryWriter(
                store,
                engine.secretMask(),
                historyOptions,
                id -> engine.deployedFlow(id).orElse(null));
        engine.addRunListener(history);
        try {
            engine.start();
        } catch (RuntimeException e) {
            history.close();
            engineInbox.stop(Duration.ZERO);
            store.close();
            throw e;
        }
        if (ownership != null) {
            ownership.describe(engine.httpBaseUrl());
        }
        return new DurableRuntime(ownership, store, inbox, history, deadLetters, engine, engineInbox);
    }

    public Engine engine() {
        return engine;
    }

    public Store store() {
        return store;
    }

    public StoreInbox inbox() {
        return inbox;
    }

    /** The inbox the engine runs on: {@link #inbox()}, or the one the start's {@link InboxChoice} put in front of it. */
    public Inbox engineInbox() {
        return engineInbox;
    }

    public HistoryWriter history() {
        return history;
    }

    public DeadLetterStore deadLetters() {
        return deadLetters;
    }

    public RunQueries runs() {
        return new RunQueries(store);
    }

    /** Closed right after the engine stopped, while the store is still open (cluster mode: the trigger leases). */
    public void closeAfterEngine(AutoCloseable extra) {
        afterEngine.add(extra);
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        engine.close();
        for (AutoCloseable extra : afterEngine) {
            try {
                extra.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(DurableRuntime.class).warn("Could not close {}: {}", extra, e.toString(), e);
            }
        }
        history.awaitWritten(Duration.ofSeconds(10));
        history.close();
        store.close();
        if (ownership != null) {
            ownership.close();
        }
    }
}
