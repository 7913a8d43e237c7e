package dev.switchboard.designer.view;

import dev.switchboard.designer.model.SampleTemplate;
import dev.switchboard.designer.viewmodel.GalleryViewModel;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** File ▸ New from template: one card per sample flow; clicking a card opens an untitled copy. */
public final class GalleryView extends VBox {
    private final GalleryViewModel vm;
    private final FlowPane cards = new FlowPane();
    private final Consumer<SampleTemplate> onPick;

    public GalleryView(GalleryViewModel vm, Consumer<SampleTemplate> onPick) {
        this.vm = vm;
        this.onPick = onPick;
        getStyleClass().addAll(Styles.ROOT, Styles.GALLERY);
        setId("gallery");
        TextField search = new TextField();
        search.setId("gallery-search");
        search.setPromptText("Search templates by title, description or tag");
        search.textProperty().bindBidirectional(vm.searchProperty());
        cards.getStyleClass().add("gallery-cards");
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(search, scroll);
        vm.templates().addListener((ListChangeListener<SampleTemplate>) c -> render());
        render();
    }

    /** Shows the gallery in its own window over the owner. */
    public static Stage open(Window owner, GalleryViewModel vm, Consumer<SampleTemplate> onPick) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("New from template");
        GalleryView view = new GalleryView(vm, t -> {
            stage.close();
            onPick.accept(t);
        });
        Scene scene = new Scene(view, 980, 620);
        scene.getStylesheets()
                .add(GalleryView.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private void render() {
        cards.getChildren().clear();
        if (vm.templates().isEmpty()) {
            Label none = new Label("No templates found. Templates are the *.flow.json files under the samples folder.");
            none.getStyleClass().add(Styles.MUTED);
            cards.getChildren().add(none);
        }
        for (SampleTemplate t : vm.templates()) {
            Label title = new Label(t.title());
            title.getStyleClass().add(Styles.CARD_TITLE);
            title.setWrapText(true);
            Label description = new Label(t.description());
            description.getStyleClass().add(Styles.CARD_DESCRIPTION);
            description.setWrapText(true);
            FlowPane tags = new FlowPane();
            tags.getStyleClass().add("card-tags");
            t.tags().forEach(tag -> {
                Label l = new Label(tag);
                l.getStyleClass().add(Styles.TAG);
                tags.getChildren().add(l);
            });
            Label nodes =
                    new Label(t.flow().nodes().size() + " nodes · " + t.file().getFileName());
            nodes.getStyleClass().add(Styles.MUTED);
            VBox card = new VBox(title, description, tags, nodes);
            card.getStyleClass().add(Styles.GALLERY_CARD);
            card.setId("template-" + t.flow().id());
            card.setOnMouseClicked(e -> onPick.accept(t));
            cards.getChildren().add(card);
        }
    }
}
