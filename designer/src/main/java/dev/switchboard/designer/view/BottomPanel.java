package dev.switchboard.designer.view;

import dev.switchboard.designer.viewmodel.DesignerViewModel;
import dev.switchboard.designer.viewmodel.FlowTestsViewModel;
import dev.switchboard.designer.viewmodel.RunViewModel;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.kordamp.ikonli.feather.Feather;

/**
 * The panel under the canvas: problems while designing; messages, inject, runs and trace while
 * running. Running brings the messages forward; tracing brings the trace forward.
 */
final class BottomPanel extends TabPane {

    BottomPanel(DesignerViewModel vm) {
        getStyleClass().add(Styles.BOTTOM_TABS);
        setId("bottom-panel");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        Tab problems = tab("Problems", Feather.ALERT_CIRCLE, "tab-problems", new ProblemsView(vm));
        problems.textProperty()
                .bind(javafx.beans.binding.Bindings.size(vm.problems().items())
                        .map(n -> n.intValue() == 0 ? "Problems" : "Problems (" + n + ")"));
        Tab messages = tab("Messages", Feather.MESSAGE_SQUARE, "tab-messages", new MessagesView(vm));
        Tab inject = tab("Inject", Feather.SEND, "tab-inject", new InjectView(vm));
        Tab runs = tab("Runs", Feather.LIST, "tab-runs", new RunsView(vm));
        Tab trace = tab("Trace", Feather.GIT_COMMIT, "tab-trace", new TraceView(vm));
        Tab tests = tab("Tests", Feather.CHECK_SQUARE, "tab-tests", new TestsView(vm, FlowTestsViewModel.fx(vm)));
        Tab lineage = tab("Lineage", Feather.SHARE_2, "tab-lineage", new LineageView(vm));
        getTabs().addAll(problems, messages, inject, runs, trace, tests, lineage);
        vm.run().lineage().lineageProperty().addListener((obs, o, l) -> {
            if (l != null) {
                getSelectionModel().select(lineage);
            }
        });
        vm.run().runs().shownProperty().bind(runs.selectedProperty());
        vm.run().stateProperty().addListener((obs, o, st) -> {
            if (st == RunViewModel.State.STARTING) {
                getSelectionModel().select(messages);
            }
        });
        vm.run().trace().traceProperty().addListener((obs, o, t) -> {
            if (t != null) {
                getSelectionModel().select(trace);
            }
        });
    }

    private static Tab tab(String title, Feather icon, String id, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setGraphic(Icons.of(icon));
        tab.setId(id);
        return tab;
    }
}
