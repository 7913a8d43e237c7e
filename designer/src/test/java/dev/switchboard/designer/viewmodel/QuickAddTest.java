package dev.switchboard.designer.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Position;
import dev.switchboard.runtime.model.Wire;
import org.junit.jupiter.api.Test;

class QuickAddTest {
    private final DesignerViewModel vm = new DesignerViewModel(ConnectorCatalog.load(), Debouncer.IMMEDIATE);

    @Test
    void addingAfterAPortPlacesTheNodeToTheRightWiresItAndUndoesAsOneStep() {
        vm.addNode("webhook", 100, 100);
        String filter = vm.quickAdd().addWired("filter", "webhook", "out");
        String http = vm.quickAdd().addWired("http.request", filter, "matched");
        String log = vm.quickAdd().addWired("log", filter, "unmatched");

        assertThat(vm.flow().wires())
                .containsExactly(
                        Wire.of("webhook", filter),
                        Wire.of(filter, "matched", http),
                        Wire.of(filter, "unmatched", log));
        Position hook = position("webhook");
        assertThat(position(filter)).isEqualTo(new Position(hook.x() + 300, hook.y()));
        assertThat(position(http).x()).isEqualTo(position(filter).x() + 300);
        assertThat(position(log).y())
                .as("the second port's node goes below the first's, not on top of it")
                .isGreaterThan(position(http).y());
        assertThat(vm.selection().single()).contains(log);
        assertThat(vm.history().undoTextProperty().get()).isEqualTo("Undo Add Log");

        vm.undo();
        assertThat(vm.flow().node(log)).isEmpty();
        assertThat(vm.flow().wires()).hasSize(2);
    }

    @Test
    void theOnlySelectedNodeIsWhereThePaletteAddsAfterOtherwiseItJustAdds() {
        String hook = vm.quickAdd().addFromPalette("webhook");
        assertThat(vm.flow().wires()).isEmpty();
        String filter = vm.quickAdd().addFromPalette("filter");
        assertThat(vm.flow().wires()).containsExactly(Wire.of(hook, filter));
        vm.selection().clear();
        vm.quickAdd().addFromPalette("log");
        assertThat(vm.flow().wires()).hasSize(1);
    }

    @Test
    void aTriggerAfterAPortIsAddedButNotWiredAndTheStatusSaysWhy() {
        vm.addNode("webhook", 0, 0);
        String schedule = vm.quickAdd().addWired("schedule", "webhook", "out");
        assertThat(vm.flow().node(schedule)).isPresent();
        assertThat(vm.flow().wires()).isEmpty();
        assertThat(vm.statusProperty().get()).contains("not wired");
    }

    @Test
    void aNewWebhookListensOnItsFlowsPathAndASecondOneGetsItsOwn() {
        String first = vm.addNode("webhook", 0, 0);
        String second = vm.addNode("webhook", 0, 200);
        assertThat(config(first, "path")).isEqualTo(ConfigValue.of("/hooks/untitled"));
        assertThat(config(second, "path")).isEqualTo(ConfigValue.of("/hooks/untitled-2"));
    }

    @Test
    void disconnectRemovesEveryWireOfTheNodeInOneStep() {
        vm.addNode("webhook", 0, 0);
        String filter = vm.quickAdd().addWired("filter", "webhook", "out");
        vm.quickAdd().addWired("log", filter, "matched");
        vm.quickAdd().disconnect(filter);
        assertThat(vm.flow().wires()).isEmpty();
        vm.undo();
        assertThat(vm.flow().wires()).hasSize(2);
    }

    @Test
    void thePaletteOpensWithTheMostUsedThenRecentlyUsedOnTopAndRanksNameMatchesFirst() {
        PaletteViewModel palette = vm.palette();
        assertThat(palette.groups().get(0).category()).isEqualTo(PaletteViewModel.POPULAR);
        assertThat(palette.groups().get(0).connectors())
                .extracting(ConnectorSpec::id)
                .containsExactly("webhook", "schedule", "filter", "switch", "map", "http.request", "log");
        assertThat(palette.groups())
                .filteredOn(g -> !g.category().equals(PaletteViewModel.POPULAR))
                .flatExtracting(PaletteViewModel.Group::connectors)
                .extracting(ConnectorSpec::id)
                .doesNotContain("webhook", "filter");

        vm.addNode("email.send", 0, 0);
        assertThat(palette.groups().get(0).category()).isEqualTo(PaletteViewModel.RECENT);
        assertThat(palette.groups().get(0).connectors())
                .extracting(ConnectorSpec::id)
                .containsExactly("email.send");

        palette.toggleCollapsed(PaletteViewModel.POPULAR);
        assertThat(palette.groups().get(1).collapsed()).isTrue();

        assertThat(palette.matching("http", true).get(0).id()).isEqualTo("http.request");
        assertThat(palette.matching("", true)).noneMatch(s -> s.id().equals("webhook"));
    }

    @Test
    void aRulesFieldOffersTheUpstreamSamplesPathsAndExamplesDoNotPassForValues() {
        vm.addNode("webhook", 0, 0);
        vm.quickAdd().addWired("filter", "webhook", "out");
        FieldViewModel rules = vm.inspector().form().field("rules").orElseThrow();
        rules.addItem();
        FieldViewModel field = rules.items().get(0).field("field").orElseThrow();
        assertThat(field.fieldPaths())
                .contains("data.score", "data.email", "id", "type")
                .noneMatch(p -> p.contains("{{"));
        assertThat(field.prompt()).isEqualTo("e.g. data.score");
        assertThat(rules.items().get(0).field("value").orElseThrow().fieldPaths())
                .isEmpty();
    }

    private Position position(String id) {
        return vm.flow().node(id).map(Node::ui).orElseThrow();
    }

    private ConfigValue config(String id, String name) {
        return vm.flow().node(id).orElseThrow().config().values().get(name);
    }
}
