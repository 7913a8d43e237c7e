package dev.switchboard.designer.view;

import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.designer.viewmodel.ContractEditor;
import dev.switchboard.designer.viewmodel.FieldViewModel;
import dev.switchboard.designer.viewmodel.FormViewModel;
import dev.switchboard.designer.viewmodel.InspectorViewModel;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The inspector panel: node name and id, then the connector's form and below it the connector's
 * help (collapsible); or the flow's own fields. The help sits under the form so that nothing above
 * a field moves while it is edited.
 */
public final class InspectorView extends ScrollPane {
    public static final String FIELD_ID_PREFIX = "field-";
    public static final String HELP_ID = "inspector-help";

    private final InspectorViewModel vm;
    private final VBox body = new VBox();

    public InspectorView(InspectorViewModel vm) {
        this.vm = vm;
        getStyleClass().add(Styles.INSPECTOR);
        body.getStyleClass().add("inspector-body");
        setContent(body);
        setFitToWidth(true);
        vm.formProperty().addListener((obs, o, n) -> render());
        vm.nodeIdProperty().addListener((obs, o, n) -> render());
        vm.focusRequestProperty().addListener((obs, o, n) -> {
            if (n != null) {
                Platform.runLater(() -> focus(n));
            }
        });
        render();
    }

    private void render() {
        body.getChildren().clear();
        if (vm.nodeIdProperty().get() == null) {
            renderFlow();
            return;
        }
        ConnectorSpec spec = vm.connectorProperty().get();
        FontIcon icon = Icons.of(spec == null ? "help-circle" : spec.icon());
        Label title = new Label(spec == null ? "Unknown connector" : spec.title());
        title.getStyleClass().add(Styles.INSPECTOR_TITLE);
        HBox header = new HBox(8, icon, title);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        body.getChildren().add(header);
        if (spec != null && !spec.description().isEmpty()) {
            Label description = new Label(spec.description());
            description.getStyleClass().add(Styles.INSPECTOR_SUBTITLE);
            description.setWrapText(true);
            body.getChildren().add(description);
        }
        TextField name = new TextField();
        name.setId("node-name");
        name.setPromptText("A name shown on the canvas");
        name.textProperty().bindBidirectional(vm.nodeNameProperty());
        TextField id = new TextField();
        id.setId("node-id");
        id.textProperty().bindBidirectional(vm.idTextProperty());
        id.setOnAction(e -> vm.applyId());
        id.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                vm.applyId();
            }
        });
        Label idError = new Label();
        idError.getStyleClass().add(Styles.FIELD_ERROR);
        idError.textProperty().bind(vm.idErrorProperty());
        idError.managedProperty().bind(vm.idErrorProperty().isNotEmpty());
        body.getChildren().addAll(labelled("Name", name), labelled("Id", id, idError), new Separator());
        FormViewModel form = vm.form();
        if (form == null) {
            Label none = new Label("This node's connector is not installed, so it cannot be edited here.");
            none.setWrapText(true);
            body.getChildren().add(none);
            return;
        }
        if (form.fields().isEmpty()) {
            Label none = new Label("Nothing to configure.");
            none.getStyleClass().add(Styles.MUTED);
            body.getChildren().add(none);
        }
        for (FieldViewModel f : form.fields()) {
            body.getChildren().add(FieldEditors.field(f, FIELD_ID_PREFIX, n -> {}));
        }
        // below the connector's own fields, which are what a node is mostly edited for
        body.getChildren().addAll(new Separator(), contract(vm.contract()));
        if (vm.helpProperty().get() != null) {
            body.getChildren().add(help(vm.helpProperty().get()));
        }
    }

    /** The node's data contract: subject (blank for none) and what happens to an event that breaks it. */
    private static VBox contract(ContractEditor editor) {
        TextField subject = new TextField();
        subject.setId("contract-subject");
        subject.setPromptText("none — e.g. orders@1 (schemas/ beside the flow)");
        subject.textProperty().bindBidirectional(editor.subjectProperty());
        ComboBox<String> enforcement =
                new ComboBox<>(javafx.collections.FXCollections.observableArrayList(ContractEditor.ENFORCEMENTS));
        enforcement.setId("contract-enforcement");
        enforcement.valueProperty().bindBidirectional(editor.enforcementProperty());
        enforcement.disableProperty().bind(editor.subjectProperty().isEmpty());
        Label error = new Label();
        error.getStyleClass().add(Styles.FIELD_ERROR);
        error.setWrapText(true);
        error.textProperty().bind(editor.errorProperty());
        // always there, empty when the subject is fine: the enforcement below never jumps while typing
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label title = new Label("Data contract");
        title.setGraphic(Icons.of(org.kordamp.ikonli.feather.Feather.SHIELD));
        title.getStyleClass().add(Styles.FIELD_LABEL);
        VBox box = new VBox(4, title, subject, error, labelled("Enforcement", enforcement));
        box.setId("inspector-contract");
        box.getStyleClass().add(Styles.FIELD);
        return box;
    }

    /** The help under the form; expanding or collapsing it is remembered for every node. */
    private TitledPane help(org.commonmark.node.Node markdown) {
        TitledPane pane = new TitledPane("Help", MarkdownView.render(markdown));
        pane.setId(HELP_ID);
        pane.getStyleClass().add(Styles.INSPECTOR_HELP);
        pane.setAnimated(false);
        pane.expandedProperty().bindBidirectional(vm.helpExpandedProperty());
        return pane;
    }

    private void renderFlow() {
        Label title = new Label("Flow");
        title.getStyleClass().add(Styles.INSPECTOR_TITLE);
        Label hint = new Label("Select a node to edit it. Shift-click or Shift-drag selects several.");
        hint.getStyleClass().add(Styles.INSPECTOR_SUBTITLE);
        hint.setWrapText(true);
        TextField name = new TextField();
        name.setId("flow-name");
        name.textProperty().bindBidirectional(vm.flowNameProperty());
        TextField id = new TextField();
        id.setId("flow-id");
        id.textProperty().bindBidirectional(vm.flowIdProperty());
        TextArea description = new TextArea();
        description.setId("flow-description");
        description.setWrapText(true);
        description.setPrefRowCount(4);
        description.setPromptText("What this flow does (Markdown; shown in the gallery)");
        description.textProperty().bindBidirectional(vm.flowDescriptionProperty());
        body.getChildren()
                .addAll(title, hint, labelled("Name", name), labelled("Id", id), labelled("Description", description));
    }

    private static VBox labelled(String text, Node... controls) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.FIELD_LABEL);
        VBox box = new VBox(label);
        box.getChildren().addAll(controls);
        box.getStyleClass().add(Styles.FIELD);
        return box;
    }

    private void focus(String property) {
        Node target = property.isEmpty() ? lookup("#node-name") : lookup("#" + FIELD_ID_PREFIX + property);
        if (target != null) {
            target.requestFocus();
            Node scrollTo = target;
            double y =
                    scrollTo.localToScene(0, 0).getY() - body.localToScene(0, 0).getY();
            setVvalue(Math.max(
                    0,
                    Math.min(
                            1,
                            y
                                    / Math.max(
                                            1,
                                            body.getHeight()
                                                    - getViewportBounds().getHeight()))));
        }
        vm.focusRequestProperty().set(null);
    }
}
