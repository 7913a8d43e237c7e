package dev.switchboard.connector.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.CamelContext;

/**
 * The OAuth2 access tokens of one engine, shared by every {@code http.request} node with the same
 * credentials ({@link OAuth2Credentials#cacheKey()}). It lives in the engine's Camel registry, not
 * in a static, and each node holds a {@link Lease} that it releases when its route is removed
 * ({@code NodeContext.onStop}): when the last node of a key goes (undeploy, hot replace to other
 * credentials, engine stop) the token is dropped.
 *
 * <p>A token is used until {@link #EARLY} (at most a tenth of its lifetime) before it expires, then
 * fetched again. One fetch at a time per key: the other threads wait for its result instead of
 * asking the endpoint themselves.
 */
final class OAuth2Tokens {
    static final String REGISTRY_NAME = "switchboard.http.oauth2Tokens";
    /** How long before its expiry a token is replaced. */
    static final Duration EARLY = Duration.ofSeconds(30);

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final OAuth2TokenEndpoint.Source source;
    private final Clock clock;

    OAuth2Tokens(OAuth2TokenEndpoint.Source source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** The cache of {@code camel}'s engine, made on first use. */
    static OAuth2Tokens of(CamelContext camel) {
        synchronized (OAuth2Tokens.class) {
            OAuth2Tokens tokens = camel.getRegistry().lookupByNameAndType(REGISTRY_NAME, OAuth2Tokens.class);
            if (tokens == null) {
                OAuth2TokenEndpoint endpoint = new OAuth2TokenEndpoint();
                tokens = new OAuth2Tokens(endpoint::fetch, Clock.systemUTC());
                camel.getRegistry().bind(REGISTRY_NAME, OAuth2Tokens.class, tokens);
            }
            return tokens;
        }
    }

    /** A node's hold on the token of its credentials, until {@link Lease#close()}. */
    Lease lease(OAuth2Credentials credentials) {
        String key = credentials.cacheKey();
        Entry entry = entries.compute(key, (k, e) -> {
            Entry held = e == null ? new Entry(credentials) : e;
            held.users++;
            return held;
        });
        return new Lease(key, entry);
    }

    /** How many keys hold a token or a node: for tests. */
    int size() {
        return entries.size();
    }

    private record Cached(String value, Instant renewAt) {
        @Override
        public String toString() {
            return "Cached[" + renewAt + "]";
        }
    }

    private final class Entry {
        final OAuth2Credentials credentials;
        final ReentrantLock fetching = new ReentrantLock();
        volatile Cached token;
        /** Fetches finished, and how the last one failed (null: it did not): waiters share a failure too. */
        volatile long fetches;

        RuntimeException failure;
        int users; // changed only inside entries.compute

        Entry(OAuth2Credentials credentials) {
            this.credentials = credentials;
        }

        String token() {
            Cached t = token;
            if (t != null && clock.instant().isBefore(t.renewAt())) {
                return t.value();
            }
            long seen = fetches;
            fetching.lock();
            try {
                t = token;
                if (t != null && clock.instant().isBefore(t.renewAt())) {
                    return t.value(); // another thread fetched it while this one waited
                }
                if (fetches != seen && failure != null) {
                    throw failure; // the fetch this thread waited for failed: no second request for it
                }
                OAuth2TokenEndpoint.Token fresh;
                try {
                    fresh = source.fetch(credentials);
                    failure = null;
                } catch (RuntimeException e) {
                    failure = e;
                    throw e;
                } finally {
                    fetches++;
                }
                Duration lifetime = fresh.lifetime();
                Duration early = lifetime.dividedBy(10).compareTo(EARLY) < 0 ? lifetime.dividedBy(10) : EARLY;
                token = new Cached(fresh.value(), clock.instant().plus(lifetime).minus(early));
                return fresh.value();
            } finally {
                fetching.unlock();
            }
        }

        /** A new token unless another thread already replaced {@code rejected}. */
        String replace(String rejected) {
            fetching.lock();
            try {
                Cached t = token;
                if (t != null && t.value().equals(rejected)) {
                    token = null;
                }
                return token();
            } finally {
                fetching.unlock();
            }
        }
    }

    /** One node's use of a cached token. */
    final class Lease implements AutoCloseable {
        private final String key;
        private final Entry entry;
        private boolean closed;

        private Lease(String key, Entry entry) {
            this.key = key;
            this.entry = entry;
        }

        /**
         * Sends {@code request} once with the token as {@code Authorization: Bearer}; when the API
         * answers 401, once more with a new token. A second 401 fails without retry.
         */
        HttpReply send(HttpCaller caller, OutboundRequest request) {
            String token = entry.token();
            try {
                return caller.send(withToken(request, token));
            } catch (HttpRequestFailedException e) {
                if (e.status() != 401) {
                    throw e;
                }
            }
            String renewed = entry.replace(token);
            try {
                return caller.send(withToken(request, renewed));
            } catch (HttpRequestFailedException e) {
                if (e.status() != 401) {
                    throw e;
                }
                throw HttpRequestFailedException.withoutRetry(
                        e.getMessage() + " (again with a new OAuth2 access token)", 401);
            }
        }

        private static OutboundRequest withToken(OutboundRequest request, String token) {
            return request.toBuilder()
                    .setHeader("Authorization", "Bearer " + token)
                    .build();
        }

        @Override
        public void close() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            entries.computeIfPresent(key, (k, e) -> e != entry || --e.users > 0 ? e : null);
        }
    }
}
