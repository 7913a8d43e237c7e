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

    /** The template a new user should open first: it runs with nothing else set up. */
    public static final String GETTING_STARTED = "hello-webhook";

    public GalleryViewModel(TemplateLibrary library) {
        this.all = library.templates().stream()
                .sorted(java.util.Comparator.comparing(
                        (SampleTemplate t) -> !t.flow().id().equals(GETTING_STARTED)))
                .toList();
        search.addListener((obs, old, now) -> filter());
        filter();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<SampleTemplate> templates() {
        return readOnlyShown;
    }

    /** A template's description as Markdown (samples use `code`, **bold** and links). */
    public org.commonmark.node.Node description(SampleTemplate template) {
        return dev.switchboard.designer.model.ConnectorHelp.of(template.description())
                .document();
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
