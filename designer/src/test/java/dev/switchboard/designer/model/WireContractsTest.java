package dev.switchboard.designer.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.designer.model.WireContracts.WireContract;
import dev.switchboard.runtime.model.ContractBinding;
import dev.switchboard.runtime.model.ContractBinding.Enforcement;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Wire;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireContractsTest {
    static final ContractBinding ORDERS = ContractBinding.parse("orders@2", Enforcement.WARN);
    static final ContractBinding SUMMARY = ContractBinding.parse("summary", null);

    static Node node(String id, ContractBinding contract) {
        return new Node(id, "t", null, null, null, contract);
    }

    /** hook (trigger, orders@2) → map → archive (summary); map → plain; hook → archive */
    static Flow flow(Node... changed) {
        List<Node> nodes = new java.util.ArrayList<>(
                List.of(node("hook", ORDERS), node("map", null), node("archive", SUMMARY), node("plain", null)));
        for (Node n : changed) {
            nodes.replaceAll(old -> old.id().equals(n.id()) ? n : old);
        }
        return Flow.empty("f", "F")
                .withNodes(nodes)
                .withWires(List.of(
                        Wire.of("hook", "map"),
                        Wire.of("map", "archive"),
                        Wire.of("map", "plain"),
                        Wire.of("hook", "archive")));
    }

    static Map<Wire, List<WireContract>> of(Flow flow) {
        return WireContracts.of(flow, n -> n.id().equals("hook"));
    }

    @Test
    void aTriggersContractIsOnTheWiresOutOfItAndANodesOnTheWiresIntoIt() {
        Map<Wire, List<WireContract>> on = of(flow());

        assertThat(on.get(Wire.of("hook", "map"))).containsExactly(new WireContract("hook", ORDERS, true));
        assertThat(on.get(Wire.of("map", "archive"))).containsExactly(new WireContract("archive", SUMMARY, false));
        assertThat(on.get(Wire.of("hook", "archive")))
                .as("produced by the trigger, then checked entering archive")
                .containsExactly(new WireContract("hook", ORDERS, true), new WireContract("archive", SUMMARY, false));
        assertThat(on).doesNotContainKey(Wire.of("map", "plain"));
        assertThat(WireContracts.label(on.get(Wire.of("hook", "archive")))).isEqualTo("orders@2 → summary");
    }

    @Test
    void aBoundNodeThatIsNotATriggerPutsNothingOnTheWiresOutOfItAndADisabledOneNothingAtAll() {
        Map<Wire, List<WireContract>> on =
                of(flow(node("map", ORDERS), node("archive", SUMMARY).withDisabled(true)));

        assertThat(on.get(Wire.of("map", "archive"))).isNull();
        assertThat(on.get(Wire.of("map", "plain"))).isNull();
        assertThat(on.get(Wire.of("hook", "map")))
                .extracting(WireContract::nodeId)
                .containsExactly("hook", "map");
        assertThat(WireContracts.label(on.get(Wire.of("hook", "map"))))
                .as("one contract, named once")
                .isEqualTo("orders@2");
        assertThat(of(flow(node("hook", null), node("archive", null)))).isEmpty();
    }

    @Test
    void theTooltipGivesSubjectVersionEnforcementAndWhereItIsChecked() {
        String text = WireContracts.describe(
                List.of(new WireContract("hook", ORDERS, true), new WireContract("archive", SUMMARY, false)));

        assertThat(text)
                .contains("Data contract orders@2\nSubject: orders\nVersion: 2\nEnforcement: warn\n"
                        + "Checked as trigger 'hook' produces its events")
                .contains("Data contract summary\nSubject: summary\nVersion: latest (when deployed)\n"
                        + "Enforcement: reject (the default)\nChecked as events enter 'archive'");
    }
}
