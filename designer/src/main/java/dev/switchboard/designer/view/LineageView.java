package dev.switchboard.designer.view;

import dev.switchboard.designer.viewmodel.DesignerViewModel;
import dev.switchboard.designer.viewmodel.LineageViewModel;
import dev.switchboard.designer.viewmodel.LineageViewModel.Box;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import org.kordamp.ikonli.feather.Feather;

/**
 * An event's lineage across flows: a box per run (flow, status, time, the nodes it passed) and an
 * arrow to each run it caused, labelled "handed on" or "retry". Clicking a box traces that run.
 */
final class LineageView extends VBox {
    static final double BOX_WIDTH = 280;
    static final double BOX_HEIGHT = 64;
    static final double COLUMN_GAP = 90;
    static final double ROW_GAP = 24;
    static final double MARGIN = 16;

    private final Pane graph = new Pane();

    LineageView(DesignerViewModel vm) {
        LineageViewModel lineage = vm.run().lineage();
        TextField id = new TextField();
        id.setId("lineage-id");
        id.setPromptText("Event or run id");
        id.setPrefColumnCount(18);
        Button show = new Button("Show lineage", Icons.of(Feather.SHARE_2));
        show.setId("lineage-show");
        show.setOnAction(e -> lineage.show(id.getText()));
        id.setOnAction(e -> lineage.show(id.getText()));
        Label summary = new Label();
        summary.setId("lineage-summary");
        summary.setMinWidth(0);
        HBox.setHgrow(summary, Priority.ALWAYS);
        HBox bar = PanelBar.of(id, show, summary);

        graph.setId("lineage-graph");
        Label empty =
                new Label("Pick an event in Messages or a run in Runs (right-click ▸ Show lineage), or type its id:"
                        + " every run it caused, in every flow, shows here.");
        empty.getStyleClass().add(Styles.MUTED);
        empty.relocate(MARGIN, MARGIN);
        graph.getChildren().add(empty);
        ScrollPane scroll = new ScrollPane(graph);
        scroll.setId("lineage-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        lineage.lineageProperty().addListener((obs, o, l) -> {
            graph.getChildren().clear();
            if (l == null) {
                graph.getChildren().add(empty);
                summary.setText("");
                return;
            }
            id.setText(l.eventId());
            summary.setText("Event " + l.eventId() + " · " + l.boxes().size() + " run(s) · click a run to trace it");
            draw(vm, l);
        });
        getChildren().addAll(bar, scroll);
    }

    private void draw(DesignerViewModel vm, LineageViewModel.Lineage l) {
        Map<String, Box> boxes = new HashMap<>();
        l.boxes().forEach(b -> boxes.put(b.runId(), b));
        for (LineageViewModel.Arrow arrow : l.arrows()) {
            Box from = boxes.get(arrow.from());
            Box to = boxes.get(arrow.to());
            double x1 = x(from) + BOX_WIDTH;
            double y1 = y(from) + BOX_HEIGHT / 2;
            double x2 = x(to);
            double y2 = y(to) + BOX_HEIGHT / 2;
            Line line = new Line(x1, y1, x2 - 6, y2);
            line.getStyleClass().add(STYLE_ARROW);
            Polygon head = new Polygon(x2, y2, x2 - 9, y2 - 5, x2 - 9, y2 + 5);
            head.getStyleClass().add(STYLE_ARROW_HEAD);
            Label cause = new Label(arrow.cause());
            cause.getStyleClass().add(STYLE_ARROW_LABEL);
            cause.setId("lineage-arrow-" + arrow.from() + "-" + arrow.to());
            cause.relocate((x1 + x2) / 2 - 28, (y1 + y2) / 2 - 20);
            graph.getChildren().addAll(line, head, cause);
        }
        for (Box box : l.boxes()) {
            Label title = new Label(
                    box.title() + (box.replayOf() == null ? "" : " · replay of dead letter #" + box.replayOf()));
            title.getStyleClass().add(STYLE_BOX_TITLE);
            Label nodes = new Label(box.nodes().isEmpty() ? "(steps not kept)" : String.join(" → ", box.nodes()));
            nodes.getStyleClass().add(Styles.MUTED);
            VBox card = new VBox(4, title, nodes);
            card.setId("lineage-run-" + box.runId());
            card.getStyleClass().addAll(STYLE_BOX, STYLE_BOX + "-" + statusClass(box.status()));
            card.setPrefSize(BOX_WIDTH, BOX_HEIGHT);
            card.setMaxSize(BOX_WIDTH, BOX_HEIGHT);
            card.relocate(x(box), y(box));
            card.setCursor(Cursor.HAND);
            Tooltip.install(
                    card,
                    new Tooltip("Run " + box.runId() + "\n" + String.join(" → ", box.nodes()) + "\nClick to trace it"));
            card.setOnMouseClicked(e -> vm.run().trace().trace(box.runId()));
            graph.getChildren().add(card);
        }
    }

    static final String STYLE_BOX = "lineage-box";
    static final String STYLE_BOX_TITLE = "lineage-box-title";
    static final String STYLE_ARROW = "lineage-arrow";
    static final String STYLE_ARROW_HEAD = "lineage-arrow-head";
    static final String STYLE_ARROW_LABEL = "lineage-arrow-label";

    /** The class LineageGraph colours a run by: success, filtered, retrying or failed (dead-lettered too). */
    static String statusClass(String status) {
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "SUCCESS" -> "success";
            case "FILTERED" -> "filtered";
            case "RETRYING" -> "retrying";
            default -> "failed";
        };
    }

    private static double x(Box box) {
        return MARGIN + box.column() * (BOX_WIDTH + COLUMN_GAP);
    }

    private static double y(Box box) {
        return MARGIN + box.row() * (BOX_HEIGHT + ROW_GAP);
    }
}
