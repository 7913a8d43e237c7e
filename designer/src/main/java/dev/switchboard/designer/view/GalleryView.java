package dev.switchboard.designer.view;

import dev.switchboard.designer.model.SampleTemplate;
import dev.switchboard.designer.viewmodel.GalleryViewModel;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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
    private final Button open = new Button("Open template");
    private SampleTemplate selected;
    private javafx.scene.Node selectedCard;

    public GalleryView(GalleryViewModel vm, Consumer<SampleTemplate> onPick, Runnable onClose) {
        this.vm = vm;
        this.onPick = onPick;
        getStyleClass().addAll(Styles.ROOT, Styles.GALLERY);
        setId("gallery");
        Label heading = new Label("New from template");
        heading.getStyleClass().add(Styles.GALLERY_HEADING);
        Label hint = new Label("Pick a working flow to start from; it opens as an untitled copy. "
                + "New here? Start with Hello webhook.");
        hint.getStyleClass().add(Styles.MUTED);
        hint.setWrapText(true);
        TextField search = new TextField();
        search.setId("gallery-search");
        search.setPromptText("Search templates by title, description or tag");
        search.textProperty().bindBidirectional(vm.searchProperty());
        cards.getStyleClass().add("gallery-cards");
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        open.setId("gallery-open");
        open.setDefaultButton(true);
        open.setDisable(true);
        open.setOnAction(e -> {
            if (selected != null) {
                onPick.accept(selected);
            }
        });
        Button close = new Button("Close");
        close.setId("gallery-close");
        close.setCancelButton(true);
        close.setOnAction(e -> onClose.run());
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(spacer, Priority.ALWAYS);
        javafx.scene.layout.HBox buttons = new javafx.scene.layout.HBox(8, spacer, close, open);
        getChildren().addAll(heading, hint, search, scroll, buttons);
        vm.templates().addListener((ListChangeListener<SampleTemplate>) c -> render());
        render();
    }

    /** Shows the gallery in its own window over the owner. */
    public static Stage open(Window owner, GalleryViewModel vm, Consumer<SampleTemplate> onPick) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("New from template");
        GalleryView view = new GalleryView(
                vm,
                t -> {
                    stage.close();
                    onPick.accept(t);
                },
                stage::close);
        Scene scene = new Scene(view, 980, 620);
        scene.getStylesheets()
                .add(GalleryView.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private void select(SampleTemplate t, javafx.scene.Node card) {
        if (selectedCard != null) {
            selectedCard.getStyleClass().remove(Styles.SELECTED);
        }
        selected = t;
        selectedCard = card;
        card.getStyleClass().add(Styles.SELECTED);
        open.setDisable(false);
    }

    private void render() {
        cards.getChildren().clear();
        selected = null;
        selectedCard = null;
        open.setDisable(true);
        if (vm.templates().isEmpty()) {
            Label none = new Label("No templates found. Templates are the *.flow.json files under the samples folder.");
            none.getStyleClass().add(Styles.MUTED);
            cards.getChildren().add(none);
        }
        for (SampleTemplate t : vm.templates()) {
            Label title = new Label(t.title());
            title.getStyleClass().add(Styles.CARD_TITLE);
            title.setWrapText(true);
            VBox description = MarkdownView.render(vm.description(t));
            description.getStyleClass().add(Styles.CARD_DESCRIPTION);
            FlowPane tags = new FlowPane();
            tags.getStyleClass().add("card-tags");
            t.tags().forEach(tag -> {
                Label l = new Label(tag);
                l.getStyleClass().add(Styles.TAG);
                tags.getChildren().add(l);
            });
            Label nodes = new Label(dev.switchboard.designer.viewmodel.DesignerViewModel.count(
                            t.flow().nodes().size(), "node")
                    + " · " + t.file().getFileName()
                    + t.policiesFile().map(p -> " + " + p.getFileName()).orElse(""));
            nodes.getStyleClass().add(Styles.MUTED);
            VBox card = new VBox(title, description, tags, nodes);
            if (t.policiesFile().isPresent()) {
                nodes.setId("template-policies-" + t.flow().id());
                nodes.setTooltip(new javafx.scene.control.Tooltip(
                        "Comes with its central policies: the copy runs under them, and saving puts them beside it"));
            }
            card.getStyleClass().add(Styles.GALLERY_CARD);
            card.setId("template-" + t.flow().id());
            // one click chooses, a double click (or Open) opens: a stray click does not replace the canvas
            card.setOnMouseClicked(e -> {
                select(t, card);
                if (e.getClickCount() == 2) {
                    onPick.accept(t);
                }
            });
            cards.getChildren().add(card);
        }
    }
}
