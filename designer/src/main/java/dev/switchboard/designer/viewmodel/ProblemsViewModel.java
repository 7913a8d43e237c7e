package dev.switchboard.designer.viewmodel;

import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.validate.FlowValidator;
import dev.switchboard.runtime.validate.Problem;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The problems panel: what the validator (the same one the CLI uses) says about the flow. */
public final class ProblemsViewModel {
    /** Replaced when the flow's file moves to another folder: contracts resolve in the schemas beside it. */
    private volatile FlowValidator validator;

    private final Supplier<Flow> flow;
    private final Debouncer debouncer;
    private final ObservableList<Problem> items = FXCollections.observableArrayList();
    // one wrapper for all callers: unmodifiable wrappers hold their source weakly, so a fresh one per call can lose
    // listeners
    private final ObservableList<Problem> readOnlyItems = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No problems");
    private Runnable onChange = () -> {};
    /** The flow the shown problems belong to. */
    private Flow checkedFlow;

    ProblemsViewModel(FlowValidator validator, Supplier<Flow> flow, Debouncer debouncer) {
        this.validator = validator;
        this.flow = flow;
        this.debouncer = debouncer;
    }

    /** From now on checks with this validator (the schemas beside the flow's new folder), and checks again. */
    void useValidator(FlowValidator replacement) {
        this.validator = replacement;
        checkedFlow = null;
        requestValidation();
    }

    void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    public ObservableList<Problem> items() {
        return readOnlyItems;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Problems per node id, for the canvas badges. */
    public Map<String, List<Problem>> byNode() {
        return items.stream().filter(p -> p.nodeId() != null).collect(Collectors.groupingBy(Problem::nodeId));
    }

    void requestValidation() {
        debouncer.schedule(() -> {
            if (flow.get() != checkedFlow) { // an opened file arrives already checked
                validateNow();
            }
        });
    }

    public void validateNow() {
        Flow current = flow.get();
        show(validator.validate(current));
    }

    /** The validator's findings for a flow, on any thread: it reads only the immutable flow and the catalog. */
    List<Problem> check(Flow checked) {
        return validator.validate(checked);
    }

    /** Shows findings made beforehand (off the UI thread) for the current flow. */
    void show(List<Problem> found) {
        checkedFlow = flow.get();
        if (!found.equals(items)) {
            items.setAll(found);
        }
        long errors = found.stream().filter(Problem::isError).count();
        long warnings = found.size() - errors;
        summary.set(
                found.isEmpty()
                        ? "No problems"
                        : errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                                + (warnings == 1 ? "" : "s"));
        onChange.run();
    }
}
