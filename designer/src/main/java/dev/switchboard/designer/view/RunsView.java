package dev.switchboard.designer.view;

import dev.switchboard.designer.viewmodel.DesignerViewModel;
import dev.switchboard.designer.viewmodel.RunsViewModel;
import dev.switchboard.runtime.store.DeadLetter;
import dev.switchboard.runtime.store.RunQueries;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/** Recent runs of the running flows (filter by status, trace one, replay a failed one) and their dead letters. */
final class RunsView extends VBox {

    RunsView(DesignerViewModel vm) {
        RunsViewModel runs = vm.run().runs();
        ComboBox<String> status = new ComboBox<>();
        status.setId("runs-filter");
        status.getItems().add(null);
        status.getItems().addAll(RunsViewModel.STATUSES);
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "Any status" : label(s);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        status.valueProperty().bindBidirectional(runs.statusFilterProperty());
        Button refresh = new Button("Refresh", Icons.of(Feather.REFRESH_CW));
        refresh.setId("runs-refresh");
        refresh.setOnAction(e -> runs.refresh());

        TableView<RunQueries.Run> table = new TableView<>(runs.runs());
        table.setId("runs");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(PanelBar.placeholder("No runs yet: runs of the running flows appear here."));
        table.getColumns().add(column("Started", 110, r -> MessagesView.TIME.format(r.startedAt())));
        table.getColumns().add(column("Flow", 140, RunQueries.Run::flowId));
        table.getColumns().add(column("Status", 100, r -> label(r.status())));
        table.getColumns()
                .add(column("Duration", 80, r -> String.format(Locale.ROOT, "%.1f ms", r.durationMicros() / 1000.0)));
        table.getColumns().add(column("Event", 260, RunQueries.Run::eventId));
        table.getColumns()
                .add(column(
                        "Ended at / error",
                        300,
                        r -> r.error() != null ? r.error() : r.endedAt() == null ? "" : r.endedAt()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button trace = new Button("Trace", Icons.of(Feather.GIT_COMMIT));
        trace.setId("runs-trace");
        trace.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        trace.setOnAction(e -> vm.run()
                .trace()
                .trace(table.getSelectionModel().getSelectedItem().runId()));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                vm.run()
                        .trace()
                        .trace(table.getSelectionModel().getSelectedItem().runId());
            }
        });
        javafx.scene.control.MenuItem showLineage = new javafx.scene.control.MenuItem("Show lineage");
        showLineage.setId("runs-lineage");
        showLineage.setOnAction(e -> {
            if (table.getSelectionModel().getSelectedItem() != null) {
                vm.run()
                        .lineage()
                        .show(table.getSelectionModel().getSelectedItem().eventId());
            }
        });
        table.setContextMenu(new javafx.scene.control.ContextMenu(showLineage));
        Button replay = new Button("Replay failed run", Icons.of(Feather.ROTATE_CW));
        replay.setId("runs-replay");
        replay.disableProperty()
                .bind(table.getSelectionModel()
                        .selectedItemProperty()
                        .map(r -> !r.status().equals("DEAD_LETTERED")
                                && !r.status().equals("FAILED"))
                        .orElse(true));
        replay.setOnAction(e -> runs.replay(table.getSelectionModel().getSelectedItem()));

        TableView<DeadLetter> letters = new TableView<>(runs.deadLetters());
        letters.setId("dead-letters");
        letters.setPlaceholder(PanelBar.placeholder("No dead letters."));
        letters.getColumns().add(column("#", 50, d -> Long.toString(d.id())));
        letters.getColumns().add(column("Failed", 110, d -> MessagesView.TIME.format(d.failedAt())));
        letters.getColumns().add(column("Flow · node", 180, d -> d.flowId() + " · " + d.nodeId()));
        letters.getColumns().add(column("Attempts", 70, d -> Integer.toString(d.attempts())));
        letters.getColumns().add(column("Error", 400, DeadLetter::error));
        letters.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button replayLetter = new Button("Replay dead letter", Icons.of(Feather.ROTATE_CW));
        replayLetter.setId("dead-letters-replay");
        replayLetter
                .disableProperty()
                .bind(letters.getSelectionModel().selectedItemProperty().isNull());
        replayLetter.setOnAction(e -> runs.replay(letters.getSelectionModel().getSelectedItem()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = PanelBar.of(status, refresh, trace, replay, spacer, replayLetter);
        SplitPane split = new SplitPane(table, letters);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.62);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(bar, split);
    }

    static String label(String status) {
        return status.charAt(0) + status.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        // a narrow panel squeezes the columns, never below their titles
        c.setMinWidth(Math.min(width, 7.5 * title.length() + 28));
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return c;
    }
}
