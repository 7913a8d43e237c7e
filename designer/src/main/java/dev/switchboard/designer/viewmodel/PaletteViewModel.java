package dev.switchboard.designer.viewmodel;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The connector palette: groups in a fixed order, filtered by the search box. */
public final class PaletteViewModel {
    public static final List<String> CATEGORY_ORDER = List.of("Triggers", "Logic", "Transform", "Actions", "SaaS");

    /** One titled group of the palette. */
    public record Group(String category, List<ConnectorSpec> connectors) {}

    private final List<ConnectorSpec> all;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<Group> groups = FXCollections.observableArrayList();
    // one wrapper for all callers: unmodifiable wrappers hold their source weakly, so a fresh one per call can lose
    // listeners
    private final ObservableList<Group> readOnlyGroups = FXCollections.unmodifiableObservableList(groups);

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

    private void refresh() {
        String q = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        Map<String, List<ConnectorSpec>> byCategory = new LinkedHashMap<>();
        CATEGORY_ORDER.forEach(c -> byCategory.put(c, new ArrayList<>()));
        for (ConnectorSpec spec : all) {
            if (q.isEmpty() || matches(spec, q)) {
                byCategory
                        .computeIfAbsent(spec.category() == null ? "Other" : spec.category(), k -> new ArrayList<>())
                        .add(spec);
            }
        }
        List<Group> result = new ArrayList<>();
        byCategory.forEach((category, specs) -> {
            if (!specs.isEmpty()) {
                specs.sort(java.util.Comparator.comparing(s -> s.title().toLowerCase(Locale.ROOT)));
                result.add(new Group(category, List.copyOf(specs)));
            }
        });
        groups.setAll(result);
    }

    private static boolean matches(ConnectorSpec spec, String q) {
        return spec.id().toLowerCase(Locale.ROOT).contains(q)
                || spec.title().toLowerCase(Locale.ROOT).contains(q)
                || spec.description().toLowerCase(Locale.ROOT).contains(q);
    }
}
