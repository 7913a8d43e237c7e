package dev.switchboard.designer.view;

import dev.switchboard.designer.viewmodel.DesignerViewModel;
import dev.switchboard.designer.viewmodel.InjectViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Sends an editable sample event into a trigger of the running flow, then traces it on request. */
final class InjectView extends VBox {

    InjectView(DesignerViewModel vm) {
        InjectViewModel inject = vm.run().inject();
        ComboBox<String> trigger = new ComboBox<>(inject.triggers());
        trigger.setId("inject-trigger");
        trigger.setPromptText("Trigger");
        trigger.valueProperty().bindBidirectional(inject.triggerProperty());
        Button send = new Button("Send to trigger", Icons.of(Feather.SEND));
        send.setId("inject-send");
        send.setDefaultButton(false);
        send.disableProperty()
                .bind(vm.run()
                        .runningProperty()
                        .not()
                        .or(inject.triggerProperty().isNull()));
        send.setOnAction(e -> inject.send());
        Button trace = new Button("Trace it", Icons.of(Feather.GIT_COMMIT));
        trace.setId("inject-trace");
        trace.disableProperty().bind(inject.lastEventIdProperty().isNull());
        trace.setOnAction(
                e -> vm.run().trace().trace(inject.lastEventIdProperty().get()));
        Label last = new Label();
        last.getStyleClass().add(Styles.MUTED);
        last.setMinWidth(0);
        last.textProperty()
                .bind(inject.lastEventIdProperty().map(id -> "last sent: " + id).orElse(""));
        Label hint = new Label(
                "The event's data as JSON, or a whole CloudEvent (with specversion). Remembered per trigger.");
        hint.getStyleClass().add(Styles.MUTED);
        hint.setMinWidth(0);
        hint.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label into = new Label("Into");
        into.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = PanelBar.of(into, trigger, send, trace, last, spacer);
        TextArea text = new TextArea();
        text.setId("inject-text");
        text.getStyleClass().add(Styles.CODE);
        text.textProperty().bindBidirectional(inject.textProperty());
        VBox.setVgrow(text, Priority.ALWAYS);
        // the sample gives way to the error: a contract's refusal lists every violation, none may be cut off
        text.setMinHeight(48);
        Label error = new Label();
        error.setId("inject-error");
        error.getStyleClass().add(Styles.FIELD_ERROR);
        error.textProperty().bind(inject.errorProperty());
        error.managedProperty().bind(inject.errorProperty().isNotEmpty());
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(bar, hint, text, error);
    }
}
