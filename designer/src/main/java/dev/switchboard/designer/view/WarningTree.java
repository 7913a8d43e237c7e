package dev.switchboard.designer.view;

import dev.switchboard.designer.model.ContractWarnings;
import javafx.scene.control.TreeItem;

/** A step's warning in an event tree (message inspector, trace): each broken contract, its violations below it. */
final class WarningTree {
    private WarningTree() {}

    static void addTo(TreeItem<String> root, String warning) {
        for (ContractWarnings.Note note : ContractWarnings.parse(warning)) {
            TreeItem<String> item = new TreeItem<>("warning: " + note.heading());
            note.violations().forEach(v -> item.getChildren().add(new TreeItem<>(v)));
            item.setExpanded(true);
            root.getChildren().add(item);
        }
    }
}
