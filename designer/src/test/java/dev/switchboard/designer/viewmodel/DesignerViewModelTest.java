package dev.switchboard.designer.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Position;
import dev.switchboard.runtime.model.Wire;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignerViewModelTest {
    @TempDir
    Path temp;

    private final DesignerViewModel vm = new DesignerViewModel(ConnectorCatalog.load(), Debouncer.IMMEDIATE);

    private void threeNodes() {
        vm.addNode("demo.webhook", 0, 0);
        vm.addNode("demo.filter", 300, 0);
        vm.addNode("demo.http", 600, 0);
        vm.connect("demo-webhook", "out", "demo-filter");
        vm.connect("demo-filter", "matched", "demo-http");
    }

    @Test
    void selectionSupportsClickShiftClickRubberBandAndWires() {
        threeNodes();
        SelectionModel s = vm.selection();
        s.select("demo-webhook");
        assertThat(s.single()).contains("demo-webhook");
        s.toggle("demo-filter");
        assertThat(s.nodes()).containsExactly("demo-webhook", "demo-filter");
        assertThat(s.single()).isEmpty();
        s.toggle("demo-webhook");
        assertThat(s.nodes()).containsExactly("demo-filter");
        s.selectAll(List.of("demo-http"), true);
        assertThat(s.nodes()).containsExactlyInAnyOrder("demo-filter", "demo-http");
        s.selectWire(Wire.of("demo-webhook", "demo-filter"), false);
        assertThat(s.nodes()).isEmpty();
        assertThat(s.wires()).hasSize(1);
        s.clear();
        assertThat(s.isEmpty()).isTrue();
    }

    @Test
    void selectionForgetsNodesThatNoLongerExist() {
        threeNodes();
        vm.selection().select("demo-http");
        vm.undo(); // the wire
        vm.undo(); // the other wire
        vm.undo(); // demo-http itself
        assertThat(vm.selection().nodes()).isEmpty();
    }

    @Test
    void deletingANodeTakesItsWiresAndIsOneUndoStep() {
        threeNodes();
        var before = vm.flow();
        vm.selection().select("demo-filter");
        vm.deleteSelection();
        assertThat(vm.flow().nodes()).extracting(Node::id).containsExactly("demo-webhook", "demo-http");
        assertThat(vm.flow().wires()).isEmpty();
        vm.undo();
        assertThat(vm.flow()).isEqualTo(before);
    }

    @Test
    void refusedWiresLeaveAHintInTheStatusBar() {
        threeNodes();
        assertThat(vm.connect("demo-http", "out", "demo-webhook")).isFalse();
        assertThat(vm.statusProperty().get()).contains("trigger");
        assertThat(vm.connect("demo-webhook", "out", "demo-filter")).isFalse();
        assertThat(vm.statusProperty().get()).contains("already");
    }

    @Test
    void copyPasteAndDuplicateUseFreshIds() {
        threeNodes();
        vm.selection().selectAll(List.of("demo-filter", "demo-http"), false);
        vm.copy();
        vm.paste();
        assertThat(vm.selection().nodes()).containsExactly("demo-filter-2", "demo-http-2");
        assertThat(vm.flow().wires()).contains(Wire.of("demo-filter-2", "matched", "demo-http-2"));
        vm.duplicate();
        assertThat(vm.selection().nodes()).containsExactly("demo-filter-3", "demo-http-3");
        vm.cut();
        assertThat(vm.flow().nodes()).hasSize(5);
    }

    @Test
    void moveSnapsToTheGrid() {
        threeNodes();
        vm.moveNodes(Map.of("demo-http", new Position(613, 47)));
        assertThat(vm.flow().node("demo-http").orElseThrow().ui()).isEqualTo(new Position(620, 40));
    }

    @Test
    void dirtyFlagFollowsSaveAndUndo() throws Exception {
        assertThat(vm.isDirty()).isFalse();
        vm.addNode("demo.http", 0, 0);
        assertThat(vm.isDirty()).isTrue();
        Path file = temp.resolve("a.flow.json");
        vm.files().saveAs(file);
        assertThat(vm.isDirty()).isFalse();
        vm.undo();
        assertThat(vm.isDirty()).isTrue();
        vm.redo();
        assertThat(vm.isDirty()).isFalse();
    }

    @Test
    void openingAndSavingAnUnchangedFlowGivesTheSameBytes() throws Exception {
        threeNodes();
        Path file = temp.resolve("b.flow.json");
        vm.files().saveAs(file);
        byte[] first = Files.readAllBytes(file);
        DesignerViewModel other = new DesignerViewModel(ConnectorCatalog.load(), Debouncer.IMMEDIATE);
        other.files().open(file);
        Path again = temp.resolve("c.flow.json");
        other.files().saveAs(again);
        assertThat(Files.readAllBytes(again)).isEqualTo(first);
        assertThat(other.files().recent()).contains(file, again);
    }

    @Test
    void problemsArriveAndRevealSelectsTheNode() {
        vm.addNode("demo.http", 0, 0);
        assertThat(vm.problems().items()).isNotEmpty();
        var problem = vm.problems().items().stream()
                .filter(p -> "demo-http".equals(p.nodeId()))
                .findFirst()
                .orElseThrow();
        vm.selection().clear();
        vm.reveal(problem);
        assertThat(vm.selection().single()).contains("demo-http");
        assertThat(vm.inspector().focusRequestProperty().get()).isNotNull();
    }

    @Test
    void paletteGroupsByCategoryAndFilters() {
        PaletteViewModel palette = vm.palette();
        assertThat(palette.groups())
                .extracting(PaletteViewModel.Group::category)
                .startsWith(PaletteViewModel.POPULAR, "Triggers");
        palette.searchProperty().set("filter");
        assertThat(palette.groups())
                .flatExtracting(PaletteViewModel.Group::connectors)
                .extracting(s -> s.id())
                .contains("demo.filter")
                .doesNotContain("demo.webhook");
    }

    @Test
    void everySampleOpensAndSavesBackByteForByte() throws Exception {
        List<Path> samples;
        try (var files = Files.list(Path.of("..", "samples"))) {
            samples = files.filter(p -> p.toString().endsWith(".flow.json"))
                    .sorted()
                    .toList();
        }
        assertThat(samples).isNotEmpty();
        for (Path sample : samples) {
            vm.files().open(sample);
            Path copy = temp.resolve(sample.getFileName());
            vm.files().saveAs(copy);
            assertThat(Files.readString(copy)).as(sample.toString()).isEqualTo(Files.readString(sample));
        }
    }
}
