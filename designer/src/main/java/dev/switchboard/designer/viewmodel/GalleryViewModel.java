package dev.switchboard.designer.viewmodel;

import dev.switchboard.designer.model.SampleTemplate;
import dev.switchboard.designer.model.TemplateLibrary;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The template gallery: every sample flow as a card, filtered by a search over title, description and tags. */
public final class GalleryViewModel {
    private final List<SampleTemplate> all;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<SampleTemplate> shown = FXCollections.observableArrayList();
    // one wrapper for all callers: unmodifiable wrappers hold their source weakly, so a fresh one per call can lose
    // listeners
    private final ObservableList<SampleTemplate> readOnlyShown = FXCollections.unmodifiableObservableList(shown);

    public GalleryViewModel(TemplateLibrary library) {
        this.all = library.templates();
        search.addListener((obs, old, now) -> filter());
        filter();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<SampleTemplate> templates() {
        return readOnlyShown;
    }

    private void filter() {
        String q = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        shown.setAll(all.stream()
                .filter(t -> q.isEmpty()
                        || t.title().toLowerCase(Locale.ROOT).contains(q)
                        || t.description().toLowerCase(Locale.ROOT).contains(q)
                        || t.tags().stream()
                                .anyMatch(tag -> tag.toLowerCase(Locale.ROOT).contains(q)))
                .toList());
    }
}
