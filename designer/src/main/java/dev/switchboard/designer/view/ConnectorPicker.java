package dev.switchboard.designer.view;

import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.designer.viewmodel.PaletteViewModel;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The quick-add picker on the canvas: a search box over a ranked list of connectors. Typing
 * filters, Up/Down move, Enter (or a click) picks, Escape or clicking elsewhere closes it.
 */
final class ConnectorPicker extends VBox {
    static final double WIDTH = 300;
    static final double HEIGHT = 300;

    private final PaletteViewModel palette;
    private final Label title = new Label();
    private final TextField search = new TextField();
    private final ListView<ConnectorSpec> list = new ListView<>();
    private Consumer<String> onPick = type -> {};
    private boolean withInput;

    ConnectorPicker(PaletteViewModel palette) {
        this.palette = palette;
        setId("connector-picker");
        getStyleClass().add(Styles.CONNECTOR_PICKER);
        setManaged(false);
        setVisible(false);
        setSpacing(6);
        title.getStyleClass().add(Styles.MUTED);
        search.setId("picker-search");
        search.setPromptText("Search connectors");
        list.setId("picker-list");
        list.setPrefHeight(HEIGHT - 70);
        list.setCellFactory(v -> new SpecCell());
        getChildren().addAll(title, search, list);
        resize(WIDTH, HEIGHT);
        search.textProperty().addListener((obs, o, n) -> filter());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.TAB) {
                pick(list.getSelectionModel().getSelectedItem());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                int step = e.getCode() == KeyCode.DOWN ? 1 : -1;
                int at = Math.max(
                        0,
                        Math.min(
                                list.getItems().size() - 1,
                                list.getSelectionModel().getSelectedIndex() + step));
                list.getSelectionModel().select(at);
                list.scrollTo(at);
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> pick(list.getSelectionModel().getSelectedItem()));
        search.focusedProperty().addListener((obs, was, now) -> closeUnlessFocusStaysInside());
        list.focusedProperty().addListener((obs, was, now) -> closeUnlessFocusStaysInside());
    }

    /**
     * Opens at {@code x, y} (in the parent's coordinates) with a heading and what a pick does.
     *
     * @param withInput list only connectors that take events in (the picker follows a port)
     */
    void open(double x, double y, String heading, boolean withInput, Consumer<String> onPick) {
        this.onPick = onPick;
        this.withInput = withInput;
        title.setText(heading);
        search.clear();
        filter();
        resize(WIDTH, HEIGHT);
        relocate(x, y);
        setVisible(true);
        toFront();
        search.requestFocus();
    }

    boolean isOpen() {
        return isVisible();
    }

    void close() {
        setVisible(false);
    }

    private void filter() {
        list.getItems().setAll(palette.matching(search.getText(), withInput));
        if (!list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
            list.scrollTo(0);
        }
    }

    private void pick(ConnectorSpec spec) {
        if (spec == null) {
            return;
        }
        close();
        onPick.accept(spec.id());
    }

    private void closeUnlessFocusStaysInside() {
        javafx.application.Platform.runLater(() -> {
            if (isVisible() && !search.isFocused() && !list.isFocused()) {
                close();
            }
        });
    }

    /** A connector in the list: icon, title and id. */
    private static final class SpecCell extends ListCell<ConnectorSpec> {
        @Override
        protected void updateItem(ConnectorSpec spec, boolean empty) {
            super.updateItem(spec, empty);
            if (empty || spec == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(spec.title());
            name.getStyleClass().add(Styles.PALETTE_ITEM_TITLE);
            Label id = new Label(spec.id());
            id.getStyleClass().add(Styles.MUTED);
            HBox row = new HBox(8, Icons.of(spec.icon()), name, id);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
            setText(null);
        }
    }
}
