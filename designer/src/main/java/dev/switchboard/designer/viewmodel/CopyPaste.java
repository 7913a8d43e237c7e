package dev.switchboard.designer.viewmodel;

import dev.switchboard.designer.edit.CompoundJob;
import dev.switchboard.designer.edit.Job;
import dev.switchboard.designer.edit.NodeJobs;
import dev.switchboard.designer.model.FlowFragment;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * Copy, cut, paste and duplicate of the selected nodes with the wires between them. The clipboard
 * is the designer's own (a {@link FlowFragment}), not the system's; each paste is one undo step.
 */
final class CopyPaste {
    private final DesignerViewModel doc;
    private FlowFragment clipboard = new FlowFragment(List.of(), List.of());

    CopyPaste(DesignerViewModel doc) {
        this.doc = doc;
    }

    void copy() {
        clipboard = FlowFragment.of(doc.flow(), doc.selection().nodes());
        if (!clipboard.isEmpty()) {
            doc.statusProperty()
                    .set("Copied " + DesignerViewModel.count(clipboard.nodes().size(), "node"));
        }
    }

    void cut() {
        copy();
        doc.deleteSelection();
    }

    void paste() {
        insert(clipboard, "Paste");
        // pasting again lands one step further down-right, not on top of the last copy
        clipboard = new FlowFragment(
                clipboard.nodes().stream()
                        .map(n -> n.withPosition((n.ui() == null ? new Position(0, 0) : n.ui())
                                .translate(FlowFragment.PASTE_OFFSET, FlowFragment.PASTE_OFFSET)))
                        .toList(),
                clipboard.wires());
    }

    void duplicate() {
        insert(FlowFragment.of(doc.flow(), doc.selection().nodes()), "Duplicate");
    }

    private void insert(FlowFragment fragment, String verb) {
        if (fragment.isEmpty()) {
            return;
        }
        FlowFragment copy = fragment.withFreshIds(doc.flow());
        List<Job> steps = new ArrayList<>();
        copy.nodes().forEach(n -> steps.add(new NodeJobs.AddNode(doc, n)));
        copy.wires().forEach(w -> steps.add(new NodeJobs.AddWire(doc, w)));
        String what = DesignerViewModel.count(copy.nodes().size(), "node");
        doc.execute(new CompoundJob(verb + " " + what, steps));
        doc.selection().selectAll(copy.nodes().stream().map(Node::id).toList(), false);
        doc.statusProperty().set(verb + "d " + what);
    }
}
