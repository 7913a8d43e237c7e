package dev.switchboard.designer.view;

import dev.switchboard.designer.model.ContractWarnings;
import dev.switchboard.designer.viewmodel.NodeLive;
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
 * copy button), and a strip with its status dot, in / out / filtered / error counters and — when
 * events broke its data contract but were let through ({@code warn}) — an amber count of them.
 */
final class NodeLiveStrip {
    private static final double URL_WIDTH = 190;
    private static final double WARNINGS_TIP_WIDTH = 560;
    private final String nodeId;
    private final VBox urls = new VBox();
    private final HBox counters = new HBox();
    private final Circle dot = new Circle(5);
    private final Label figures = new Label();
    private final Label step = new Label();
    private final Label warnings = new Label();
    private final Tooltip statusTip = new Tooltip();
    private final Tooltip warningsTip = new Tooltip();
    private NodeLive shown;
    private java.util.function.Function<String, String> curlFor = url -> "";

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
        figures.setMinWidth(0);
        figures.setWrapText(true); // more counters wrap onto a second line, the card keeps its width
        HBox.setHgrow(figures, Priority.SOMETIMES);
        warnings.getStyleClass().add(Styles.NODE_WARNINGS);
        warnings.setId("warnings-" + nodeId);
        warnings.setGraphic(Icons.of(Feather.ALERT_TRIANGLE));
        warnings.setMinWidth(Region.USE_PREF_SIZE);
        warningsTip.setWrapText(true); // a violation's message can be long: wrapped, never cut at the screen's edge
        warningsTip.setMaxWidth(WARNINGS_TIP_WIDTH);
        warnings.setTooltip(warningsTip);
        step.getStyleClass().add(Styles.TRACE_STEP);
        step.setId("trace-step-" + nodeId);
        step.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        counters.getChildren().addAll(dot, figures, spacer, warnings, step);
        show(null);
        showTraceStep(-1);
    }

    /** The curl command for one of the node's URLs, made when it is copied (so it has the latest sample). */
    void setCurl(java.util.function.Function<String, String> curlFor) {
        this.curlFor = curlFor;
    }

    VBox urls() {
        return urls;
    }

    HBox counters() {
        return counters;
    }

    void show(NodeLive live) {
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
        showWarnings(live);
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

    private void showWarnings(NodeLive live) {
        boolean any = live != null && live.warnings() > 0;
        warnings.setVisible(any);
        warnings.setManaged(any);
        if (!any) {
            return;
        }
        warnings.setText(Long.toString(live.warnings()));
        StringBuilder tip = new StringBuilder()
                .append(live.warnings())
                .append(live.warnings() == 1 ? " event" : " events")
                .append(" broke the data contract and went on (enforcement warn)");
        List<String> recent = live.recentWarnings();
        if (!recent.isEmpty()) {
            tip.append(recent.size() == 1 ? ". Latest:" : ". Latest, newest last:");
            for (String warning : recent) {
                tip.append("\n");
                ContractWarnings.lines(warning).forEach(line -> tip.append("\n").append(line));
            }
        }
        warningsTip.setText(tip.toString());
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
            // the whole URL, wrapped: a card must not widen over its neighbours, and an ellipsis hides the part you
            // need
            text.setWrapText(true);
            text.setMaxWidth(URL_WIDTH);
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.setTooltip(new Tooltip(url));
            Button copy = copyButton("copy-url-" + nodeId, "URL", "Copy " + url, () -> url);
            Button curl = copyButton(
                    "copy-curl-" + nodeId,
                    "curl",
                    "Copy a curl command that sends the sample event",
                    () -> curlFor.apply(url));
            HBox buttons = new HBox(4, copy, curl);
            urls.getChildren().addAll(text, buttons);
        }
        urls.setVisible(!addresses.isEmpty());
        urls.setManaged(!addresses.isEmpty());
    }

    /** A small copy button that says "Copied" for a moment, so the click visibly did something. */
    private static Button copyButton(String id, String label, String tip, java.util.function.Supplier<String> content) {
        Button copy = new Button(label, Icons.of(Feather.COPY));
        copy.setId(id);
        copy.getStyleClass().addAll("flat", "small");
        copy.setTooltip(new Tooltip(tip));
        javafx.animation.PauseTransition restore =
                new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1.5));
        restore.setOnFinished(e -> {
            copy.setText(label);
            copy.setGraphic(Icons.of(Feather.COPY));
        });
        copy.setOnAction(e -> {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(content.get());
            Clipboard.getSystemClipboard().setContent(clip);
            copy.setText("Copied");
            copy.setGraphic(Icons.of(Feather.CHECK));
            restore.playFromStart();
        });
        return copy;
    }
}
