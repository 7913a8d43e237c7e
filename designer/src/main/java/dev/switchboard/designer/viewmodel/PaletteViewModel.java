package dev.switchboard.designer.viewmodel;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connector palette: the connectors used last, then the ones most flows need, then every
 * category in a fixed order; filtered by the search box. Categories can be collapsed.
 */
public final class PaletteViewModel {
    public static final List<String> CATEGORY_ORDER = List.of("Triggers", "Logic", "Transform", "Actions", "SaaS");

    /** What most flows are made of, in the order a flow usually needs them. */
    public static final List<String> MOST_USED =
            List.of("webhook", "schedule", "filter", "switch", "map", "http.request", "log");

    public static final String RECENT = "Recently used";
    public static final String POPULAR = "Most used";
    static final int RECENT_LIMIT = 4;

    /** One titled group of the palette; {@code collapsed} groups show only their title. */
    public record Group(String category, List<ConnectorSpec> connectors, boolean collapsed) {}

    private final List<ConnectorSpec> all;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<Group> groups = FXCollections.observableArrayList();
    // one wrapper for all callers: unmodifiable wrappers hold their source weakly, so a fresh one per call can lose
    // listeners
    private final ObservableList<Group> readOnlyGroups = FXCollections.unmodifiableObservableList(groups);
    private final LinkedHashSet<String> recent = new LinkedHashSet<>();
    private final Set<String> collapsed = new LinkedHashSet<>();

    public PaletteViewModel(ConnectorCatalog catalog) {
        this.all = catalog.specs().stream()
                .filter(s -> !s.id().startsWith("test."))
                .toList();
        search.addListener((obs, old, now) -> refresh());
        refresh();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<Group> groups() {
        return readOnlyGroups;
    }

    /** Remembers a connector as just used: it moves to the top of "Recently used". */
    public void used(String type) {
        recent.remove(type);
        recent.add(type);
        refresh();
    }

    public void toggleCollapsed(String category) {
        if (!collapsed.remove(category)) {
            collapsed.add(category);
        }
        refresh();
    }

    /**
     * The connectors matching a query as one ranked list (best first): names that start with it,
     * then names that contain it, then descriptions; within each, recently and most used first.
     *
     * @param withInput only connectors that take events in (what can follow a port)
     */
    public List<ConnectorSpec> matching(String query, boolean withInput) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return all.stream()
                .filter(s -> !withInput || s.hasInput())
                .filter(s -> q.isEmpty() || matches(s, q))
                .sorted(Comparator.comparingInt((ConnectorSpec s) -> relevance(s, q))
                        .thenComparing(popularity()))
                .toList();
    }

    private void refresh() {
        String q = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        List<Group> result = new ArrayList<>();
        if (!q.isEmpty()) {
            Map<String, List<ConnectorSpec>> byCategory = byCategory(matching(q, false));
            byCategory.forEach((category, specs) -> result.add(new Group(category, specs, false)));
            groups.setAll(result);
            return;
        }
        List<String> recentFirst = new ArrayList<>(recent);
        java.util.Collections.reverse(recentFirst);
        List<ConnectorSpec> lastUsed = recentFirst.stream()
                .limit(RECENT_LIMIT)
                .flatMap(id -> all.stream().filter(s -> s.id().equals(id)))
                .toList();
        List<ConnectorSpec> popular = MOST_USED.stream()
                .flatMap(id -> all.stream().filter(s -> s.id().equals(id)))
                .toList();
        if (!lastUsed.isEmpty()) {
            result.add(new Group(RECENT, lastUsed, collapsed.contains(RECENT)));
        }
        if (!popular.isEmpty()) {
            result.add(new Group(POPULAR, popular, collapsed.contains(POPULAR)));
        }
        List<ConnectorSpec> rest =
                all.stream().filter(s -> !MOST_USED.contains(s.id())).toList();
        byCategory(rest)
                .forEach((category, specs) -> result.add(new Group(category, specs, collapsed.contains(category))));
        groups.setAll(result);
    }

    private Map<String, List<ConnectorSpec>> byCategory(List<ConnectorSpec> specs) {
        Map<String, List<ConnectorSpec>> byCategory = new LinkedHashMap<>();
        CATEGORY_ORDER.forEach(c -> byCategory.put(c, new ArrayList<>()));
        specs.forEach(spec -> byCategory
                .computeIfAbsent(spec.category() == null ? "Other" : spec.category(), k -> new ArrayList<>())
                .add(spec));
        byCategory.values().forEach(list -> list.sort(popularity()));
        byCategory.values().removeIf(List::isEmpty);
        return byCategory;
    }

    /** Recently used first (latest first), then the most used in their order, then by title. */
    private Comparator<ConnectorSpec> popularity() {
        List<String> recentOrder = new ArrayList<>(recent);
        return Comparator.comparingInt((ConnectorSpec s) -> {
                    int r = recentOrder.indexOf(s.id());
                    return r < 0 ? Integer.MAX_VALUE : recentOrder.size() - r;
                })
                .thenComparingInt(s -> {
                    int p = MOST_USED.indexOf(s.id());
                    return p < 0 ? Integer.MAX_VALUE : p;
                })
                .thenComparing(s -> s.title().toLowerCase(Locale.ROOT));
    }

    private static int relevance(ConnectorSpec spec, String q) {
        if (q.isEmpty()) {
            return 0;
        }
        String id = spec.id().toLowerCase(Locale.ROOT);
        String title = spec.title().toLowerCase(Locale.ROOT);
        if (id.startsWith(q) || title.startsWith(q)) {
            return 0;
        }
        return id.contains(q) || title.contains(q) ? 1 : 2;
    }

    private static boolean matches(ConnectorSpec spec, String q) {
        return spec.id().toLowerCase(Locale.ROOT).contains(q)
                || spec.title().toLowerCase(Locale.ROOT).contains(q)
                || spec.description().toLowerCase(Locale.ROOT).contains(q);
    }
}
