package dev.switchboard.designer.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.model.ContractBinding;
import dev.switchboard.runtime.model.ContractBinding.Enforcement;
import org.junit.jupiter.api.Test;

/** The inspector's data-contract section: edits bind the node, each edit undoes as one step. */
class ContractEditorTest {
    private final DesignerViewModel vm = new DesignerViewModel(ConnectorCatalog.load(), Debouncer.IMMEDIATE);

    private ContractBinding contractOf(String nodeId) {
        return vm.flow().node(nodeId).orElseThrow().contract();
    }

    @Test
    void typingASubjectBindsTheNodeAndUndoUnbindsItInOneStep() {
        String hook = vm.addNodeAtFreeSpot("webhook");
        ContractEditor editor = vm.inspector().contract();
        assertThat(editor.subjectProperty().get()).isEmpty();

        for (String typed : new String[] {"o", "or", "orders", "orders@", "orders@1"}) {
            editor.subjectProperty().set(typed);
        }
        assertThat(contractOf(hook)).isEqualTo(new ContractBinding("orders", 1, Enforcement.REJECT));
        assertThat(editor.errorProperty().get()).isEmpty();

        editor.enforcementProperty().set("dead-letter");
        assertThat(contractOf(hook).effectiveEnforcement()).isEqualTo(Enforcement.DEAD_LETTER);

        vm.undo();
        assertThat(contractOf(hook)).isEqualTo(new ContractBinding("orders", 1, Enforcement.REJECT));
        assertThat(editor.enforcementProperty().get()).isEqualTo("reject");
        vm.undo();
        assertThat(contractOf(hook)).as("the typing was one step").isNull();
        assertThat(editor.subjectProperty().get()).isEmpty();
    }

    @Test
    void aHalfTypedVersionIsExplainedAndNotWritten() {
        String hook = vm.addNodeAtFreeSpot("webhook");
        ContractEditor editor = vm.inspector().contract();
        editor.subjectProperty().set("orders@x");

        assertThat(editor.errorProperty().get()).contains("version");
        assertThat(contractOf(hook)).isNull();
        assertThat(editor.subjectProperty().get()).isEqualTo("orders@x");

        editor.subjectProperty().set("");
        assertThat(editor.errorProperty().get()).isEmpty();
    }
}
