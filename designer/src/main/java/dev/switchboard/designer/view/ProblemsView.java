package dev.switchboard.designer.view;

import dev.switchboard.designer.viewmodel.DesignerViewModel;
import dev.switchboard.runtime.validate.Problem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The problems panel: every validator finding; clicking one reveals it in the canvas and inspector. */
public final class ProblemsView extends VBox {
    public ProblemsView(DesignerViewModel vm) {
        getStyleClass().add(Styles.PROBLEMS);
        Label title = new Label();
        title.getStyleClass().add(Styles.SECTION_TITLE);
        title.textProperty().bind(vm.problems().summaryProperty().map(s -> "PROBLEMS · " + s));
        ListView<Problem> list = new ListView<>(vm.problems().items());
        list.setId("problems");
        Label none = new Label();
        none.setWrapText(true);
        // an empty canvas has no problems, but nothing to run either
        none.textProperty()
                .bind(vm.flowProperty()
                        .map(f -> f.nodes().isEmpty()
                                ? "Nothing to check yet: add a trigger from the palette to start a flow."
                                : "No problems: this flow is ready to run."));
        list.setPlaceholder(none);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass().removeAll(Styles.PROBLEM_ERROR, Styles.PROBLEM_WARNING);
                if (empty || p == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                getStyleClass().add(p.isError() ? Styles.PROBLEM_ERROR : Styles.PROBLEM_WARNING);
                Label where =
                        new Label(p.nodeId() != null ? p.nodeId() : (p.pointer().isEmpty() ? "flow" : p.pointer()));
                where.getStyleClass().add(Styles.MUTED);
                Label message = new Label(p.message());
                HBox.setHgrow(message, Priority.ALWAYS);
                HBox row = new HBox(
                        8, Icons.of(p.isError() ? Feather.ALERT_CIRCLE : Feather.ALERT_TRIANGLE), message, where);
                row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                setGraphic(row);
                setText(null);
            }
        });
        list.setOnMouseClicked(e -> {
            Problem p = list.getSelectionModel().getSelectedItem();
            if (p != null) {
                vm.reveal(p);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
    }
}
