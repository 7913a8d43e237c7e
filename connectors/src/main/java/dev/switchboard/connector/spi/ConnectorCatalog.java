package dev.switchboard.connector.spi;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** All connectors found on the class path through {@link ServiceLoader}, by id. */
public final class ConnectorCatalog {
    private final Map<String, Connector> byId;

    public ConnectorCatalog(Collection<Connector> connectors) {
        Map<String, Connector> map = new LinkedHashMap<>();
        connectors.stream()
                .sorted(Comparator.comparing((Connector c) -> c.spec().kind())
                        .thenComparing(c -> c.spec().id()))
                .forEach(c -> {
                    Connector previous = map.putIfAbsent(c.spec().id(), c);
                    if (previous != null) {
                        throw new IllegalStateException("Two connectors claim the id '"
                                + c.spec().id() + "': " + previous.getClass().getName() + " and "
                                + c.getClass().getName());
                    }
                });
        this.byId = Collections.unmodifiableMap(map);
    }

    public static ConnectorCatalog load() {
        return load(ConnectorCatalog.class.getClassLoader());
    }

    public static ConnectorCatalog load(ClassLoader loader) {
        return new ConnectorCatalog(ServiceLoader.load(Connector.class, loader).stream()
                .map(ServiceLoader.Provider::get)
                .toList());
    }

    public Optional<Connector> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Connector> all() {
        return List.copyOf(byId.values());
    }

    public List<ConnectorSpec> specs() {
        return byId.values().stream().map(Connector::spec).toList();
    }
}
