package dev.switchboard.designer.view;

import dev.switchboard.designer.viewmodel.DesignerViewModel;
import dev.switchboard.designer.viewmodel.FlowTestsViewModel;
import dev.switchboard.designer.viewmodel.FlowTestsViewModel.CaseRow;
import dev.switchboard.designer.viewmodel.TraceViewModel;
import dev.switchboard.runtime.store.RunQueries;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Tests tab: the open flow's test cases with pass or fail, the selected case's failures with
 * their differences, and "Pin traced run" to turn the run shown in the Trace tab into a case.
 */
final class TestsView extends VBox {

    TestsView(DesignerViewModel vm, FlowTestsViewModel tests) {
        TraceViewModel trace = vm.run().trace();
        Button run = new Button("Run tests", Icons.of(Feather.PLAY));
        run.setId("tests-run");
        run.setTooltip(new Tooltip("Run every case of the test file against the flow as it is now"));
        run.disableProperty()
                .bind(tests.busyProperty().or(tests.testFileProperty().isNull()));
        run.setOnAction(e -> tests.runAll());
        Button reload = new Button(null, Icons.of(Feather.REFRESH_CW));
        reload.setId("tests-reload");
        reload.setTooltip(new Tooltip("Read the test file again"));
        reload.getStyleClass().add("flat");
        reload.disableProperty().bind(tests.busyProperty());
        reload.setOnAction(e -> tests.reload());

        TextField name = new TextField();
        name.setId("tests-case-name");
        name.setPromptText("Name for the traced run");
        name.setPrefColumnCount(16);
        Button pin = new Button("Pin traced run", Icons.of(Feather.BOOKMARK));
        pin.setId("tests-pin");
        pin.setTooltip(new Tooltip("Add the run shown in the Trace tab to the test file: its event, what each node"
                + " handed on, and what each action answered"));
        pin.disableProperty()
                .bind(tests.busyProperty()
                        .or(tests.testFileProperty().isNull())
                        .or(Bindings.createBooleanBinding(
                                () -> tracedRun(trace) == null || name.getText().isBlank(),
                                trace.traceProperty(),
                                name.textProperty())));
        Runnable pinIt = () -> {
            tests.pin(name.getText(), tracedRun(trace));
            name.clear();
        };
        pin.setOnAction(e -> pinIt.run());
        name.setOnAction(e -> {
            if (!pin.isDisabled()) {
                pinIt.run();
            }
        });
        Label summary = new Label();
        summary.setId("tests-summary");
        summary.textProperty().bind(tests.summaryProperty());
        summary.setMinWidth(0);
        HBox.setHgrow(summary, Priority.ALWAYS);
        HBox bar = PanelBar.of(run, reload, name, pin, summary);

        ListView<CaseRow> list = new ListView<>(tests.cases());
        list.setId("tests-cases");
        list.setPlaceholder(new Label("No test cases: trace a run of this flow, name it above and pin it."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CaseRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove(Styles.PROBLEM_ERROR);
                if (empty || row == null) {
                    setText(null);
                    return;
                }
                if (row.status() == FlowTestsViewModel.Status.FAILED) {
                    getStyleClass().add(Styles.PROBLEM_ERROR);
                }
                setText(
                        switch (row.status()) {
                            case NOT_RUN -> "○ " + row.name();
                            case PASSED -> "✓ " + row.name() + "  (" + row.millis() + " ms)";
                            case FAILED -> "✗ " + row.name() + "  (" + row.millis() + " ms)";
                        });
            }
        });
        TextArea detail = new TextArea();
        detail.setId("tests-detail");
        detail.setEditable(false);
        detail.setWrapText(false);
        detail.getStyleClass().add(Styles.JSON_TREE);
        Runnable showDetail = () -> {
            CaseRow row = list.getSelectionModel().getSelectedItem();
            detail.setText(
                    row == null
                            ? ""
                            : switch (row.status()) {
                                case NOT_RUN -> row.name() + ": not run yet";
                                case PASSED -> row.name() + ": passed";
                                case FAILED -> row.detail();
                            });
        };
        list.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> showDetail.run());
        tests.cases().addListener((javafx.collections.ListChangeListener<CaseRow>) c -> {
            // show the first failure straight away after a run
            tests.cases().stream()
                    .filter(r -> r.status() == FlowTestsViewModel.Status.FAILED)
                    .findFirst()
                    .ifPresent(r -> list.getSelectionModel().select(r));
            showDetail.run();
        });
        SplitPane split = new SplitPane(list, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.4);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(bar, split);
    }

    /** The traced run through the open flow (what the canvas shows), with its steps; null when none. */
    static RunQueries.RunPath tracedRun(TraceViewModel trace) {
        TraceViewModel.Trace t = trace.traceProperty().get();
        if (t == null || t.run() == null) {
            return null;
        }
        return t.runs().stream()
                .filter(p -> p.run().runId().equals(t.run().runId()))
                .findFirst()
                .orElse(null);
    }
}
