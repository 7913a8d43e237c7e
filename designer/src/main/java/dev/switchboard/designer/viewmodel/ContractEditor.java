package dev.switchboard.designer.viewmodel;

import dev.switchboard.runtime.model.ContractBinding;
import dev.switchboard.runtime.model.ContractBinding.Enforcement;
import dev.switchboard.runtime.model.Node;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The inspector's data-contract section of the selected node: the subject (with {@code @version}
 * to pin one; blank for no contract) and the enforcement. Every edit is one undoable step.
 */
public final class ContractEditor {
    /** The enforcements as the flow file spells them, the default first. */
    public static final List<String> ENFORCEMENTS =
            Arrays.stream(Enforcement.values()).map(Enforcement::id).toList();

    private final StringProperty subject = new SimpleStringProperty("");
    private final StringProperty enforcement = new SimpleStringProperty(Enforcement.REJECT.id());
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BiConsumer<String, ContractBinding> bind;
    private String nodeId;
    private int loading;

    /** @param bind applies a node's new binding (null: no contract) */
    ContractEditor(BiConsumer<String, ContractBinding> bind) {
        this.bind = bind;
        subject.addListener((obs, o, n) -> edited());
        enforcement.addListener((obs, o, n) -> edited());
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public StringProperty enforcementProperty() {
        return enforcement;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Shows the node's binding; null for none selected. */
    void load(Node node) {
        loading++;
        try {
            nodeId = node == null ? null : node.id();
            ContractBinding binding = node == null ? null : node.contract();
            subject.set(binding == null ? "" : binding.reference());
            enforcement.set(
                    binding == null
                            ? Enforcement.REJECT.id()
                            : binding.effectiveEnforcement().id());
            error.set("");
        } finally {
            loading--;
        }
    }

    private void edited() {
        if (loading > 0 || nodeId == null) {
            return;
        }
        String reference = subject.get() == null ? "" : subject.get().strip();
        if (reference.isEmpty()) {
            error.set("");
            bind.accept(nodeId, null);
            return;
        }
        try {
            Enforcement chosen = Enforcement.of(enforcement.get()).orElse(Enforcement.REJECT);
            ContractBinding binding = ContractBinding.parse(reference, chosen);
            error.set("");
            bind.accept(nodeId, binding);
        } catch (IllegalArgumentException e) {
            // half-typed "orders@": kept in the field, not in the flow, until it reads as a contract
            error.set(e.getMessage());
        }
    }
}
