package dev.switchboard.connector.ingress;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Which hook serves which path and method. Read on every request, changed when routes start and stop. */
final class MountTable {
    /** path → method → mount; the inner maps are replaced, never changed, so readers need no lock. */
    private final Map<String, Map<String, Mount>> byPath = new ConcurrentHashMap<>();

    /** What a request finds: the mount for its method, or the methods its path has (empty: unknown path). */
    record Lookup(Optional<Mount> mount, TreeSet<String> allowed) {}

    static String normalize(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    synchronized void mount(Mount mount) {
        String path = mount.spec().path();
        Map<String, Mount> methods = byPath.getOrDefault(path, Map.of());
        Mount taken = methods.get(mount.spec().method());
        if (taken != null && taken != mount) {
            throw new IllegalStateException(mount.spec().method() + " " + path + " is already served by "
                    + taken.owner() + "; each webhook path and method can be served by one node only");
        }
        Map<String, Mount> changed = new TreeMap<>(methods);
        changed.put(mount.spec().method(), mount);
        byPath.put(path, Map.copyOf(changed));
    }

    synchronized void unmount(Mount mount) {
        String path = mount.spec().path();
        Map<String, Mount> methods = byPath.getOrDefault(path, Map.of());
        if (methods.get(mount.spec().method()) != mount) {
            return; // not ours (any more): a newer version of the node may hold it
        }
        Map<String, Mount> changed = new TreeMap<>(methods);
        changed.remove(mount.spec().method());
        if (changed.isEmpty()) {
            byPath.remove(path);
        } else {
            byPath.put(path, Map.copyOf(changed));
        }
    }

    Lookup find(String path, String method) {
        Map<String, Mount> methods = byPath.getOrDefault(normalize(path), Map.of());
        return new Lookup(Optional.ofNullable(methods.get(method)), new TreeSet<>(methods.keySet()));
    }
}
