package dev.switchboard.designer.view;

import dev.switchboard.runtime.model.ContractBinding;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/**
 * What a card says about its node beyond its name: the badge counting its errors (with them in a
 * tooltip) and the line naming its data contract. Both are set only when they change, as a
 * card is updated on every keystroke.
 */
final class NodeMarks {
    private final Label badge = new Label();
    /** The node's data contract, e.g. "orders@1 · reject"; hidden when it has none. */
    private final Label contract = new Label();

    private String problemText = "";
    private Tooltip badgeTip;

    NodeMarks(String nodeId) {
        badge.getStyleClass().add(Styles.NODE_BADGE);
        badge.setMinWidth(Region.USE_PREF_SIZE); // grows the card, never gets clipped
        contract.getStyleClass().add(Styles.NODE_CONTRACT);
        contract.setGraphic(Icons.of(Feather.SHIELD));
        contract.setMinWidth(Region.USE_PREF_SIZE);
        contract.setId("contract-" + nodeId);
    }

    /** The error badge, for the card's header. */
    Label badge() {
        return badge;
    }

    /** The contract line, for below the card's type. */
    Label contract() {
        return contract;
    }

    /** @param binding the node's contract, null for none */
    void show(ContractBinding binding, List<String> problems) {
        boolean bound = binding != null;
        contract.setVisible(bound);
        contract.setManaged(bound);
        setIfChanged(
                contract,
                bound
                        ? binding.reference() + " · "
                                + binding.effectiveEnforcement().id()
                        : "");
        badge.setVisible(!problems.isEmpty());
        badge.setManaged(!problems.isEmpty());
        setIfChanged(badge, problems.size() == 1 ? "!" : Integer.toString(problems.size()));
        String tip = String.join("\n", problems);
        if (!tip.equals(problemText)) {
            problemText = tip;
            Tooltip.uninstall(badge, badgeTip);
            badgeTip = new Tooltip(tip);
            Tooltip.install(badge, badgeTip);
        }
    }

    static void setIfChanged(Label label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
        }
    }
}
