package dev.switchboard.designer.view;

import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.designer.viewmodel.PaletteViewModel;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The connector palette: a search box and one group per category; drag an item onto the canvas. */
public final class PaletteView extends VBox {
    /** User data of a palette item, read by the canvas when the item is dropped. */
    record ConnectorRef(String type) {}

    private final PaletteViewModel vm;
    private final VBox groups = new VBox();
    private final Consumer<String> onActivate;

    /** @param onActivate called with the connector id on double-click (adds it without dragging) */
    public PaletteView(PaletteViewModel vm, Consumer<String> onActivate) {
        this.vm = vm;
        this.onActivate = onActivate;
        getStyleClass().add(Styles.PALETTE);
        TextField search = new TextField();
        search.setId("palette-search");
        search.setPromptText("Search connectors");
        search.textProperty().bindBidirectional(vm.searchProperty());
        HBox searchBox = new HBox(6, Icons.of(Feather.SEARCH), search);
        searchBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        searchBox.getStyleClass().add("palette-search");
        HBox.setHgrow(search, Priority.ALWAYS);
        // Enter adds the best match: after the selected node and wired to it, when one is selected
        search.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                vm.matching(search.getText(), false).stream()
                        .findFirst()
                        .ifPresent(spec -> onActivate.accept(spec.id()));
                e.consume();
            }
        });
        ScrollPane scroll = new ScrollPane(groups);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(searchBox, scroll);
        vm.groups().addListener((ListChangeListener<PaletteViewModel.Group>) c -> render());
        render();
    }

    private void render() {
        groups.getChildren().clear();
        for (PaletteViewModel.Group g : vm.groups()) {
            Label title = new Label(
                    g.category().toUpperCase(java.util.Locale.ROOT),
                    Icons.of(g.collapsed() ? Feather.CHEVRON_RIGHT : Feather.CHEVRON_DOWN));
            title.getStyleClass().addAll(Styles.SECTION_TITLE, Styles.PALETTE_GROUP_TITLE);
            title.setId("palette-group-"
                    + g.category().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            title.setMaxWidth(Double.MAX_VALUE);
            title.setOnMouseClicked(e -> vm.toggleCollapsed(g.category()));
            VBox group = new VBox(title);
            group.getStyleClass().add(Styles.PALETTE_GROUP);
            boolean recent = g.category().equals(PaletteViewModel.RECENT);
            if (!g.collapsed()) {
                g.connectors().forEach(spec -> group.getChildren().add(item(spec, recent)));
            }
            groups.getChildren().add(group);
        }
        if (vm.groups().isEmpty()) {
            Label none = new Label("No connector matches");
            none.getStyleClass().add(Styles.MUTED);
            groups.getChildren().add(none);
        }
    }

    private HBox item(ConnectorSpec spec, boolean recent) {
        FontIcon icon = Icons.of(spec.icon());
        Label title = new Label(spec.title());
        title.getStyleClass().add(Styles.PALETTE_ITEM_TITLE);
        Label description = new Label(spec.description());
        description.getStyleClass().add(Styles.PALETTE_ITEM_DESCRIPTION);
        description.setWrapText(true);
        VBox text = new VBox(2, title, description);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox item = new HBox(icon, text);
        item.getStyleClass().add(Styles.PALETTE_ITEM);
        // a connector shown twice (recently used and its category) keeps its plain id in its category
        item.setId("palette-" + (recent ? "recent-" : "") + spec.id().replace('.', '-'));
        item.setUserData(new ConnectorRef(spec.id()));
        Tooltip.install(
                item,
                new Tooltip(spec.title() + " (" + spec.id() + ")\n" + spec.description()
                        + "\nDrag onto the canvas, or double-click to add it after the selected node."));
        item.setOnDragDetected(e -> {
            item.startFullDrag();
            e.consume();
        });
        item.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                onActivate.accept(spec.id());
            }
        });
        return item;
    }
}
