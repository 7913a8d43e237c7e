package dev.switchboard.designer.view;

import dev.switchboard.designer.viewmodel.RunViewModel;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.feather.Feather;

/**
 * The parts of a node card that exist only while its flow runs: the URLs it answers on (with a
 * copy button), and a strip with its status dot and in / out / filtered / error counters.
 */
final class NodeLiveStrip {
    private static final double URL_WIDTH = 165;
    private final String nodeId;
    private final VBox urls = new VBox();
    private final HBox counters = new HBox();
    private final Circle dot = new Circle(5);
    private final Label figures = new Label();
    private final Label step = new Label();
    private final Tooltip statusTip = new Tooltip();
    private RunViewModel.NodeLive shown;

    NodeLiveStrip(String nodeId) {
        this.nodeId = nodeId;
        urls.getStyleClass().add(Styles.NODE_URLS);
        counters.getStyleClass().add(Styles.NODE_LIVE);
        counters.setAlignment(Pos.CENTER_LEFT);
        dot.getStyleClass().add(Styles.LIVE_DOT);
        dot.setId("status-" + nodeId);
        Tooltip.install(dot, statusTip);
        Tooltip.install(figures, statusTip);
        figures.setId("live-" + nodeId);
        figures.getStyleClass().add(Styles.LIVE_FIGURES);
        figures.setMinWidth(Region.USE_PREF_SIZE);
        step.getStyleClass().add(Styles.TRACE_STEP);
        step.setId("trace-step-" + nodeId);
        step.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        counters.getChildren().addAll(dot, figures, spacer, step);
        show(null);
        showTraceStep(-1);
    }

    VBox urls() {
        return urls;
    }

    HBox counters() {
        return counters;
    }

    void show(RunViewModel.NodeLive live) {
        if (live != null && live.equals(shown)) {
            return;
        }
        boolean urlsChanged = shown == null || live == null || !shown.urls().equals(live.urls());
        shown = live;
        boolean visible = live != null;
        counters.setVisible(visible || step.isVisible());
        counters.setManaged(visible || step.isVisible());
        dot.setVisible(visible);
        figures.setVisible(visible);
        if (urlsChanged) {
            renderUrls(live == null ? List.of() : live.urls());
        }
        if (!visible) {
            return;
        }
        StringBuilder text =
                new StringBuilder("in ").append(live.in()).append(" · out ").append(live.out());
        if (live.filtered() > 0) {
            text.append(" · filtered ").append(live.filtered());
        }
        if (live.errors() > 0) {
            text.append(" · errors ").append(live.errors());
        }
        figures.setText(text.toString());
        dot.getStyleClass().removeIf(c -> c.startsWith(Styles.STATUS_PREFIX));
        dot.getStyleClass().add(Styles.STATUS_PREFIX + live.status().name().toLowerCase(Locale.ROOT));
        statusTip.setText(live.status().name().charAt(0)
                + live.status().name().substring(1).toLowerCase(Locale.ROOT) + " — " + live.detail());
    }

    void showTraceStep(int n) {
        step.setVisible(n > 0);
        step.setText(n > 0 ? "step " + n : "");
        counters.setVisible(shown != null || n > 0);
        counters.setManaged(shown != null || n > 0);
    }

    private void renderUrls(List<String> addresses) {
        urls.getChildren().clear();
        for (String url : addresses) {
            Label text = new Label(url);
            text.setId("url-" + nodeId);
            text.getStyleClass().add(Styles.NODE_URL);
            // a long URL must not widen the card over its neighbours: the middle gives way, the copy button copies it
            // whole
            text.setMaxWidth(URL_WIDTH);
            text.setMinWidth(0);
            text.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            text.setTooltip(new Tooltip(url));
            Button copy = new Button(null, Icons.of(Feather.COPY));
            copy.setId("copy-url-" + nodeId);
            copy.getStyleClass().addAll("flat", "small");
            copy.setTooltip(new Tooltip("Copy " + url));
            copy.setOnAction(e -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(url);
                Clipboard.getSystemClipboard().setContent(content);
            });
            HBox row = new HBox(4, text, copy);
            row.setAlignment(Pos.CENTER_LEFT);
            urls.getChildren().add(row);
        }
        urls.setVisible(!addresses.isEmpty());
        urls.setManaged(!addresses.isEmpty());
    }
}
