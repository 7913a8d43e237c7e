package dev.switchboard.runtime.engine.compile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The services a hosting runtime offers connectors through {@code NodeContext.service}. */
public final class Services {
    private final Map<Class<?>, Object> byType = new ConcurrentHashMap<>();

    public <T> Services register(Class<T> type, T service) {
        byType.put(type, service);
        return this;
    }

    /** The service, when this runtime provides it. */
    public <T> java.util.Optional<T> find(Class<T> type) {
        return java.util.Optional.ofNullable(type.cast(byType.get(type)));
    }

    public <T> T get(Class<T> type) {
        Object service = byType.get(type);
        if (service == null) {
            throw new IllegalStateException("This runtime provides no " + type.getSimpleName());
        }
        return type.cast(service);
    }
}
