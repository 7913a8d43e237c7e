package dev.switchboard.connector.saas;

import dev.switchboard.connector.spi.DedupeStore;
import dev.switchboard.connector.spi.NodeContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The delivery ids a SaaS trigger has accepted within its window, so that a vendor's redelivery
 * (a retry after a timeout, Slack's {@code X-Slack-Retry-Num}, a manual "redeliver") is answered 200
 * without a second run. Ids are remembered in the runtime's {@link DedupeStore} (durable, shared with
 * the {@code dedupe} step, scope {@code flow/node}) once the event is in the inbox; a runtime without
 * that service (a bare engine) keeps them in memory for the life of the node's route. A delivery
 * that arrives while the same id is still being accepted is {@link Claim#IN_FLIGHT}: the caller is
 * told to try again (the first may still fail), never that it succeeded.
 */
final class Redeliveries {
    private final DedupeStore store;
    private final String scope;
    private final Duration window;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    Redeliveries(DedupeStore store, String scope, Duration window) {
        this.store = store;
        this.scope = scope;
        this.window = window;
    }

    static Redeliveries of(NodeContext node, Duration window) {
        DedupeStore store;
        try {
            store = node.service(DedupeStore.class);
        } catch (IllegalStateException e) {
            store = new InMemory();
        }
        return new Redeliveries(store, node.flowId() + "/" + node.nodeId(), window);
    }

    enum Claim {
        /** New: now being accepted by this call. */
        NEW,
        /** Accepted before, within the window. */
        SEEN,
        /** Being accepted by another call right now. */
        IN_FLIGHT
    }

    Claim claim(String id) {
        if (store.seen(scope, id)) {
            return Claim.SEEN;
        }
        return inFlight.add(id) ? Claim.NEW : Claim.IN_FLIGHT;
    }

    /** The event is in the inbox: a later delivery of {@code id} is a repeat. */
    void remember(String id) {
        store.remember(scope, id, window);
    }

    void release(String id) {
        inFlight.remove(id);
    }

    /** Expiring keys in memory, for an engine without a store. */
    static final class InMemory implements DedupeStore {
        private final Map<String, Instant> expiry = new ConcurrentHashMap<>();

        @Override
        public boolean seen(String scope, String key) {
            Instant until = expiry.get(scope + "\n" + key);
            return until != null && until.isAfter(Instant.now());
        }

        @Override
        public void remember(String scope, String key, Duration window) {
            Instant now = Instant.now();
            expiry.values().removeIf(until -> !until.isAfter(now));
            expiry.put(scope + "\n" + key, now.plus(window));
        }
    }
}
