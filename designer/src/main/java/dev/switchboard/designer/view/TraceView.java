package dev.switchboard.designer.view;

import dev.switchboard.designer.viewmodel.DesignerViewModel;
import dev.switchboard.designer.viewmodel.TraceViewModel;
import dev.switchboard.runtime.store.RunQueries;
import javafx.collections.SetChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * A traced event: every node it passed in every flow (from the store's run history), and the
 * selected step's input and output. Clicking a node on the canvas selects its step here.
 */
final class TraceView extends VBox {
    /** One row: a step of one of the event's runs. */
    record Row(RunQueries.Run run, RunQueries.Step step) {}

    private final ListView<Row> steps = new ListView<>();

    TraceView(DesignerViewModel vm) {
        TraceViewModel trace = vm.run().trace();
        TextField id = new TextField();
        id.setId("trace-id");
        id.setPromptText("Event or run id");
        id.setPrefColumnCount(18);
        Button go = new Button("Trace", Icons.of(Feather.SEARCH));
        go.setId("trace-go");
        go.setOnAction(e -> trace.trace(id.getText()));
        id.setOnAction(e -> trace.trace(id.getText()));
        Button clear = new Button("Clear trace", Icons.of(Feather.X));
        clear.setId("trace-clear");
        clear.disableProperty().bind(trace.traceProperty().isNull());
        clear.setOnAction(e -> trace.clear());
        Label summary = new Label();
        summary.setId("trace-summary");
        summary.setMinWidth(0);
        summary.setWrapText(true); // a long path wraps rather than losing its end (the outcome)
        HBox.setHgrow(summary, Priority.ALWAYS);
        HBox bar = PanelBar.of(id, go, clear, summary);

        steps.setId("trace-steps");
        steps.setPlaceholder(PanelBar.placeholder(
                "Trace an event from the messages, the runs list, or by id: its path lights up on the canvas."));
        steps.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove(Styles.PROBLEM_ERROR);
                if (empty || row == null) {
                    setText(null);
                    return;
                }
                RunQueries.Step s = row.step();
                if (s.error() != null) {
                    getStyleClass().add(Styles.PROBLEM_ERROR);
                }
                setText((s.stepNo() + 1) + ". " + row.run().flowId() + " · " + s.nodeId()
                        + (s.port() == null ? (s.error() == null ? "  (stopped here)" : "") : " → " + s.port())
                        + (s.error() == null ? "" : "  ✕ " + s.error())
                        + (s.warning() == null ? "" : "  ⚠ " + s.warning())
                        + (s.policies().isEmpty() ? "" : "  · policies: " + String.join(", ", s.policies())));
            }
        });
        TreeView<String> detail = new TreeView<>();
        detail.setId("trace-detail");
        detail.getStyleClass().add(Styles.JSON_TREE);
        detail.setShowRoot(false);
        steps.getSelectionModel()
                .selectedItemProperty()
                .addListener((obs, o, row) -> detail.setRoot(row == null ? null : tree(row)));

        trace.traceProperty().addListener((obs, o, t) -> {
            steps.getItems().clear();
            if (t == null) {
                summary.setText("");
                return;
            }
            id.setText(t.eventId());
            for (RunQueries.RunPath path : t.runs()) {
                path.steps().forEach(s -> steps.getItems().add(new Row(path.run(), s)));
            }
            summary.setText(
                    t.run() == null
                            ? "Event " + t.eventId() + " did not pass this flow"
                            : String.join(" → ", t.path()) + "   ·   "
                                    + RunsView.label(t.run().status())
                                    + (t.runs().size() > 1
                                            ? "   ·   " + t.runs().size() + " runs"
                                            : ""));
            // show a step's input and output straight away: the selected node's, else where the event ended
            String node = vm.selection().nodes().stream()
                    .findFirst()
                    .filter(n -> t.step(n).isPresent())
                    .orElse(t.path().isEmpty() ? null : t.path().get(t.path().size() - 1));
            if (node != null) {
                select(t, node);
            } else if (!steps.getItems().isEmpty()) {
                steps.getSelectionModel().select(0);
            }
        });
        vm.selection().nodes().addListener((SetChangeListener<String>) c -> {
            if (c.wasAdded() && trace.traceProperty().get() != null) {
                select(trace.traceProperty().get(), c.getElementAdded());
            }
        });
        SplitPane split = new SplitPane(steps, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(bar, split);
    }

    /** Selects the step of the canvas's run at {@code nodeId}, so its input and output show. */
    private void select(TraceViewModel.Trace t, String nodeId) {
        t.step(nodeId)
                .ifPresent(step -> steps.getItems().stream()
                        .filter(r -> r.step().equals(step))
                        .findFirst()
                        .ifPresent(r -> {
                            steps.getSelectionModel().select(r);
                            steps.scrollTo(r);
                        }));
    }

    private static TreeItem<String> tree(Row row) {
        RunQueries.Step s = row.step();
        TreeItem<String> root = new TreeItem<>();
        root.getChildren()
                .add(new TreeItem<>(row.run().flowId() + " · " + s.nodeId() + " · run "
                        + row.run().runId()
                        + (row.run().replayOf() != null
                                ? " (replay of dead letter #" + row.run().replayOf() + ")"
                                : "")));
        if (s.error() != null) {
            root.getChildren().add(new TreeItem<>("error: " + s.error()));
        }
        if (s.warning() != null) {
            // what the node let pass: a data contract with enforcement warn, its violations by pointer
            WarningTree.addTo(root, s.warning());
        }
        if (!s.policies().isEmpty()) {
            // the central policies' decisions here: what was masked, which destination was blocked
            TreeItem<String> decisions = new TreeItem<>("policies");
            s.policies().forEach(d -> decisions.getChildren().add(new TreeItem<>(d)));
            decisions.setExpanded(true);
            root.getChildren().add(decisions);
        }
        if (!row.run().dataKept()) {
            // a run written at a history level that keeps no snapshots (the designer's own Run keeps them all)
            root.getChildren().add(new TreeItem<>("in, out: " + row.run().dataNotKept()));
            return root;
        }
        root.getChildren().add(JsonTree.snapshot("in", s.input()));
        root.getChildren().add(JsonTree.snapshot("out", s.output()));
        return root;
    }
}
