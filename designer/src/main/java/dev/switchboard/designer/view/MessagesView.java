package dev.switchboard.designer.view;

import dev.switchboard.designer.viewmodel.DesignerViewModel;
import dev.switchboard.designer.viewmodel.MessagesViewModel;
import dev.switchboard.runtime.live.LiveMessage;
import dev.switchboard.runtime.live.NodeKey;
import dev.switchboard.runtime.model.Node;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/**
 * The message inspector: the latest events at the running flows' nodes, with the selected one as
 * a JSON tree (CloudEvents attributes, then data; what went in and what came out).
 */
final class MessagesView extends VBox {
    private static final int PREVIEW_CHARS = 160;
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    MessagesView(DesignerViewModel vm) {
        MessagesViewModel messages = vm.run().messages();
        ToggleButton pause = new ToggleButton(null, Icons.of(Feather.PAUSE));
        pause.setId("messages-pause");
        pause.setTooltip(new Tooltip("Pause the list (counters keep moving)"));
        pause.selectedProperty().bindBidirectional(messages.pausedProperty());
        Button clear = new Button(null, Icons.of(Feather.X_CIRCLE));
        clear.setId("messages-clear");
        clear.setTooltip(new Tooltip("Clear the messages"));
        clear.setOnAction(e -> vm.run().clearMessages());
        ComboBox<NodeKey> filter = new ComboBox<>();
        filter.setId("messages-filter");
        filter.setPromptText("All nodes");
        filter.setPrefWidth(170);
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(NodeKey key) {
                return key == null ? "All nodes" : key.nodeId() + "  (" + key.flowId() + ")";
            }

            @Override
            public NodeKey fromString(String s) {
                return null;
            }
        });
        Runnable fillFilter = () -> {
            NodeKey chosen = filter.getValue();
            filter.getItems().setAll((NodeKey) null);
            vm.flow().nodes().stream()
                    .map(Node::id)
                    .forEach(id -> filter.getItems().add(new NodeKey(vm.flow().id(), id)));
            filter.setValue(filter.getItems().contains(chosen) ? chosen : null);
        };
        vm.flowProperty().addListener((obs, o, n) -> fillFilter.run());
        fillFilter.run();
        filter.valueProperty().bindBidirectional(messages.nodeFilterProperty());
        Spinner<Integer> capacity =
                new Spinner<>(10, 10_000, messages.capacityProperty().get(), 50);
        capacity.setId("messages-capacity");
        capacity.setEditable(true);
        capacity.setPrefWidth(90);
        capacity.setMinWidth(Region.USE_PREF_SIZE);
        capacity.setTooltip(new Tooltip("How many messages the inspector keeps (the oldest go first)"));
        capacity.valueProperty()
                .addListener((obs, o, n) -> messages.capacityProperty().set(n));
        Label keep = new Label("Keep");
        keep.setMinWidth(Region.USE_PREF_SIZE);
        Label count = new Label();
        count.getStyleClass().add(Styles.MUTED);
        count.setMinWidth(0);
        count.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> messages.visible().size() + " shown"
                                + (messages.missedProperty().get() > 0
                                        ? " · " + messages.missedProperty().get() + " not shown (paused or too fast)"
                                        : ""),
                        messages.visible(),
                        messages.missedProperty()));
        Button trace = new Button("Trace", Icons.of(Feather.GIT_COMMIT));
        trace.setId("messages-trace");
        trace.setMinWidth(Region.USE_PREF_SIZE);
        trace.setTooltip(new Tooltip("Highlight the selected event's path on the canvas"));
        trace.disableProperty().bind(messages.selectedProperty().isNull());
        trace.setOnAction(
                e -> vm.run().trace().trace(messages.selectedProperty().get().eventId()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = PanelBar.of(pause, clear, filter, keep, capacity, trace, spacer, count);

        ListView<LiveMessage> list = new ListView<>(messages.visible());
        list.setId("messages");
        MenuItem showLineage = new MenuItem("Show lineage");
        showLineage.setId("messages-lineage");
        showLineage.setOnAction(e -> {
            if (messages.selectedProperty().get() != null) {
                vm.run().lineage().show(messages.selectedProperty().get().eventId());
            }
        });
        list.setContextMenu(new ContextMenu(showLineage));

        list.setPlaceholder(
                PanelBar.placeholder("Run the flow and send it an event: each node's events show up here."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LiveMessage m, boolean empty) {
                super.updateItem(m, empty);
                getStyleClass().removeAll(Styles.PROBLEM_ERROR, Styles.MESSAGE_WARNING);
                if (empty || m == null) {
                    setText(null);
                    return;
                }
                if (m.error() != null) {
                    getStyleClass().add(Styles.PROBLEM_ERROR);
                } else if (m.warning() != null) {
                    getStyleClass().add(Styles.MESSAGE_WARNING);
                }
                setText(TIME.format(m.at()) + "  " + m.nodeId() + (m.port() == null ? "" : " → " + m.port()) + "  "
                        + shortId(m.eventId()) + "  " + summary(m));
            }
        });
        list.getSelectionModel()
                .selectedItemProperty()
                .addListener((obs, o, m) -> messages.selectedProperty().set(m));
        TreeView<String> detail = new TreeView<>();
        detail.setId("message-detail");
        detail.getStyleClass().add(Styles.JSON_TREE);
        detail.setShowRoot(false);
        messages.selectedProperty().addListener((obs, o, m) -> detail.setRoot(m == null ? null : tree(m)));
        SplitPane split = new SplitPane(list, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(bar, split);
    }

    private static String summary(LiveMessage m) {
        if (m.error() != null) {
            return "✕ " + m.error();
        }
        return m.warning() != null ? "⚠ " + m.warning() : preview(m);
    }

    /** Enough of the id to tell events apart in a list; the tree shows it whole. */
    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    /** The data as one line, like a debug sidebar: only rendered for the rows on screen. */
    private static String preview(LiveMessage m) {
        var event = m.output() != null ? m.output() : m.input();
        if (event == null) {
            return "";
        }
        String json = event.data().toString();
        return json.length() > PREVIEW_CHARS ? json.substring(0, PREVIEW_CHARS) + "…" : json;
    }

    private static TreeItem<String> tree(LiveMessage m) {
        TreeItem<String> root = new TreeItem<>();
        root.getChildren()
                .add(new TreeItem<>(m.flowId() + " · " + m.nodeId() + (m.port() == null ? "" : " → " + m.port())
                        + " · run " + m.runId() + " · "
                        + m.runStatus().name().toLowerCase().replace('_', ' ')));
        if (m.error() != null) {
            root.getChildren().add(new TreeItem<>("error: " + m.error()));
        }
        if (m.warning() != null) {
            WarningTree.addTo(root, m.warning());
        }
        if (m.input() != null) {
            root.getChildren().add(JsonTree.event("in", m.input()));
        }
        if (m.output() != null && m.output() != m.input()) {
            root.getChildren().add(JsonTree.event("out", m.output()));
        }
        return root;
    }
}
