package dev.switchboard.designer.view;

import dev.switchboard.designer.viewmodel.PoliciesViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * Above the run tabs while flows run: the policies file the runtime applies and its rules, an
 * edit the next Run will apply, or — also when nothing runs — why a policies file was not applied,
 * each problem on its own line with its JSON pointer. Takes no room when it has nothing to say.
 */
final class PoliciesBar extends VBox {

    PoliciesBar(PoliciesViewModel vm) {
        getStyleClass().add(Styles.POLICIES_BAR);
        setId("policies-bar");
        Label summary = label("run-policies", vm.summaryProperty());
        summary.setGraphic(Icons.of(Feather.SHIELD));
        // the counts first and the file's name last stay readable in a narrow panel; the tooltip names the rules
        summary.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(Bindings.concat(vm.summaryProperty(), "\n", vm.rulesProperty()));
        summary.setTooltip(whole);
        Label pending = label("run-policies-pending", vm.pendingProperty());
        pending.getStyleClass().add(Styles.POLICIES_PENDING);
        Label problem = label("run-policies-problem", vm.problemProperty());
        problem.getStyleClass().add(Styles.POLICIES_PROBLEM);
        problem.setWrapText(true);
        // every problem on its own line, never cut to one line with an ellipsis
        problem.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(summary, pending, problem);
        BooleanBinding anything = Bindings.createBooleanBinding(
                () -> !vm.summaryProperty().get().isEmpty()
                        || !vm.problemProperty().get().isEmpty(),
                vm.summaryProperty(),
                vm.problemProperty());
        visibleProperty().bind(anything);
        managedProperty().bind(anything);
    }

    private static Label label(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.setMinWidth(0);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
