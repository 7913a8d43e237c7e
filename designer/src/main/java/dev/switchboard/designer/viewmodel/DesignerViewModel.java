package dev.switchboard.designer.viewmodel;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.designer.edit.CompoundJob;
import dev.switchboard.designer.edit.FlowHolder;
import dev.switchboard.designer.edit.Job;
import dev.switchboard.designer.edit.NodeJobs;
import dev.switchboard.designer.model.AutoLayout;
import dev.switchboard.designer.model.FieldSuggestions;
import dev.switchboard.designer.model.Grid;
import dev.switchboard.designer.model.NewNodes;
import dev.switchboard.designer.model.WireRules;
import dev.switchboard.designer.run.RunSettings;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.model.ContractBinding;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.model.Position;
import dev.switchboard.runtime.model.Wire;
import dev.switchboard.runtime.validate.FlowValidator;
import dev.switchboard.runtime.validate.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.SetChangeListener;

/**
 * The open flow and every edit the user can make to it. Each edit is a {@link Job} run through
 * the {@link EditHistory}, so everything is undoable; the canvas, inspector and problems panel
 * observe {@link #flowProperty()} and {@link #selection()}.
 */
public final class DesignerViewModel implements FlowHolder {
    public static final int UNDO_LIMIT = 200;

    private final ConnectorCatalog catalog;
    private final WireRules wireRules;
    private final FieldSuggestions suggestions;
    private final ReadOnlyObjectWrapper<Flow> flow =
            new ReadOnlyObjectWrapper<>(Flow.empty("untitled", "Untitled flow"));
    private final SelectionModel selection = new SelectionModel();
    private final ProblemsViewModel problems;
    private final InspectorViewModel inspector;
    private final PaletteViewModel palette;
    private final QuickAdd quickAdd = new QuickAdd(this);
    private final StringProperty status = new SimpleStringProperty("Ready");
    private final EditHistory history = new EditHistory(UNDO_LIMIT, status::set);
    private final CopyPaste copyPaste = new CopyPaste(this);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final DocumentFiles files;
    private final RunViewModel run;
    private final DeployViewModel deploy;
    private final ReadOnlyLongWrapper documentVersion = new ReadOnlyLongWrapper();

    /** Without a UI thread: running flows happens inline on the caller's thread (view-model tests). */
    public DesignerViewModel(ConnectorCatalog catalog, Debouncer validationDebouncer) {
        this(catalog, validationDebouncer, RunEnvironment.direct(RunSettings::forUser));
    }

    public DesignerViewModel(ConnectorCatalog catalog, Debouncer validationDebouncer, RunEnvironment runEnvironment) {
        this.catalog = catalog;
        this.wireRules = new WireRules(catalog);
        this.suggestions = new FieldSuggestions(catalog);
        this.problems = new ProblemsViewModel(new FlowValidator(catalog), flow::get, validationDebouncer);
        this.palette = new PaletteViewModel(catalog);
        this.inspector = new InspectorViewModel(this);
        this.files = new DocumentFiles(this, runEnvironment);
        this.run = new RunViewModel(this, runEnvironment);
        this.deploy =
                new DeployViewModel(this, () -> parentOf(files.fileProperty().get()), runEnvironment);
        files.fileProperty().addListener((obs, old, now) -> {
            Path folder = parentOf(now);
            if (!Objects.equals(folder, parentOf(old))) {
                problems.useValidator(
                        new FlowValidator(catalog, folder == null ? null : SchemaRegistry.beside(folder)));
            }
        });
        flow.addListener((obs, old, now) -> {
            selection.retain(now.nodes().stream().map(Node::id).toList(), now.wires());
            problems.requestValidation();
            inspector.refresh();
        });
        selection.nodes().addListener((SetChangeListener<String>) c -> inspector.refresh());
        selection.wires().addListener((SetChangeListener<Wire>) c -> inspector.refresh());
        problems.setOnChange(inspector::refresh);
        problems.validateNow();
        inspector.refresh();
    }

    // --- state -----------------------------------------------------------------------------

    public ConnectorCatalog catalog() {
        return catalog;
    }

    public WireRules wireRules() {
        return wireRules;
    }

    FieldSuggestions suggestions() {
        return suggestions;
    }

    @Override
    public Flow flow() {
        return flow.get();
    }

    public ReadOnlyObjectProperty<Flow> flowProperty() {
        return flow.getReadOnlyProperty();
    }

    public SelectionModel selection() {
        return selection;
    }

    public ProblemsViewModel problems() {
        return problems;
    }

    public InspectorViewModel inspector() {
        return inspector;
    }

    public PaletteViewModel palette() {
        return palette;
    }

    /** Adding nodes already wired (the "+" on ports, the palette's Enter) and unwiring them. */
    public QuickAdd quickAdd() {
        return quickAdd;
    }

    public DocumentFiles files() {
        return files;
    }

    public RunViewModel run() {
        return run;
    }

    public DeployViewModel deploy() {
        return deploy;
    }

    /** Undo and redo as the menus show them, and whether the document has unsaved edits. */
    public EditHistory history() {
        return history;
    }

    private static Path parentOf(Path file) {
        return file == null ? null : file.toAbsolutePath().getParent();
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** Changes whenever a different document is loaded (new, open, template), e.g. to fit the view. */
    public ReadOnlyLongProperty documentVersionProperty() {
        return documentVersion.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return history.isDirty();
    }

    public Optional<ConnectorSpec> spec(String type) {
        return catalog.find(type).map(Connector::spec);
    }

    /** Jobs call this; nothing else replaces the flow except opening a document. */
    @Override
    public void setFlow(Flow newFlow) {
        flow.set(newFlow);
    }

    // --- edits -----------------------------------------------------------------------------

    /** Adds a node of a connector type at a canvas point (snapped); returns its new id. */
    public String addNode(String type, double x, double y) {
        Node node = NewNodes.create(specOrThrow(type), flow(), new Position(x, y));
        execute(new NodeJobs.AddNode(this, node));
        selection.select(node.id());
        palette.used(type);
        status.set("Added " + specOrThrow(type).title() + " as '" + node.id() + "'");
        return node.id();
    }

    ConnectorSpec specOrThrow(String type) {
        return spec(type).orElseThrow(() -> new IllegalArgumentException("Unknown connector " + type));
    }

    /** Adds a node right of the rightmost one. */
    public String addNodeAtFreeSpot(String type) {
        double x = flow().nodes().stream()
                        .filter(n -> n.ui() != null)
                        .mapToDouble(n -> n.ui().x())
                        .max()
                        .orElse(-200)
                + 280;
        double y = flow().nodes().stream()
                .filter(n -> n.ui() != null)
                .mapToDouble(n -> n.ui().y())
                .min()
                .orElse(80);
        return addNode(type, x, y);
    }

    /** Commits a finished drag: the nodes' new top-left corners, snapped to the grid. */
    public void moveNodes(Map<String, Position> targets) {
        Map<String, Position> before = new LinkedHashMap<>();
        Map<String, Position> after = new LinkedHashMap<>();
        targets.forEach((id, p) -> flow().node(id).ifPresent(n -> {
            Position snapped = Grid.snap(p);
            if (!snapped.equals(n.ui())) {
                before.put(id, n.ui());
                after.put(id, snapped);
            }
        }));
        if (!after.isEmpty()) {
            execute(new NodeJobs.Move(this, before, after, "Move " + count(after.size(), "node")));
        }
    }

    /** Wires an output port to a node's input; refusals are explained in the status bar. */
    public boolean connect(String from, String port, String to) {
        Optional<String> refusal = wireRules.refusal(flow(), from, port, to);
        if (refusal.isPresent()) {
            status.set("Cannot wire: " + refusal.get());
            return false;
        }
        execute(new NodeJobs.AddWire(this, Wire.of(from, port, to)));
        status.set("Wired " + from + (port.equals("out") ? "" : "." + port) + " → " + to);
        return true;
    }

    /** Deletes the selected nodes with all their wires, and the selected wires, as one step. */
    public void deleteSelection() {
        List<String> nodes = List.copyOf(selection.nodes());
        List<Wire> wires = new ArrayList<>(selection.wires());
        flow().wires().stream()
                .filter(w -> nodes.contains(w.from()) || nodes.contains(w.to()))
                .filter(w -> !wires.contains(w))
                .forEach(wires::add);
        if (nodes.isEmpty() && wires.isEmpty()) {
            return;
        }
        List<Job> steps = new ArrayList<>();
        wires.forEach(w -> steps.add(new NodeJobs.RemoveWire(this, w)));
        nodes.forEach(id -> steps.add(new NodeJobs.RemoveNode(this, id)));
        String what = nodes.isEmpty() ? count(wires.size(), "wire") : count(nodes.size(), "node");
        execute(new CompoundJob("Delete " + what, steps));
        selection.clear();
        status.set("Deleted " + what);
    }

    public void copy() {
        copyPaste.copy();
    }

    public void cut() {
        copyPaste.cut();
    }

    public void paste() {
        copyPaste.paste();
    }

    public void duplicate() {
        copyPaste.duplicate();
    }

    public void selectAll() {
        selection.selectAll(flow().nodes().stream().map(Node::id).toList(), false);
    }

    public void autoLayout() {
        moveNodes(AutoLayout.layout(flow()));
    }

    void updateConfig(String nodeId, ConfigValue.Fields config, String path) {
        flow().node(nodeId)
                .ifPresent(n -> execute(new NodeJobs.UpdateNode(
                        this,
                        n,
                        n.withConfig(config),
                        nodeId + path,
                        "Edit " + n.displayName() + path.replace('/', ' '))));
    }

    void renameNode(String nodeId, String name) {
        flow().node(nodeId)
                .ifPresent(n -> execute(new NodeJobs.UpdateNode(
                        this,
                        n,
                        n.withName(name == null || name.isBlank() ? null : name),
                        nodeId + "#name",
                        "Rename " + nodeId)));
    }

    /** Binds the node to a data contract, or unbinds it (null); typing the subject merges into one step. */
    void bindContract(String nodeId, ContractBinding binding) {
        flow().node(nodeId).filter(n -> !Objects.equals(n.contract(), binding)).ifPresent(n -> {
            boolean sameSchema = n.contract() != null
                    && binding != null
                    && n.contract().reference().equals(binding.reference());
            // keystrokes in the subject merge into one step; a new enforcement is a step of its own
            String mergeKey = nodeId + (sameSchema ? "#enforcement" : "#contract");
            execute(new NodeJobs.UpdateNode(this, n, n.withContract(binding), mergeKey, "Contract of " + nodeId));
        });
    }

    void changeNodeId(String oldId, String newId) {
        execute(new NodeJobs.ChangeNodeId(this, oldId, newId));
        selection.select(newId);
    }

    void editFlow(Flow edited, String field) {
        if (!edited.equals(flow())) {
            execute(new NodeJobs.UpdateFlow(this, flow(), edited, field));
        }
    }

    public void undo() {
        history.undo();
    }

    public void redo() {
        history.redo();
    }

    /** Clicking a problem: select its node and ask the inspector to focus the field. */
    public void reveal(Problem problem) {
        if (problem.nodeId() != null && flow().node(problem.nodeId()).isPresent()) {
            selection.select(problem.nodeId());
            inspector.focusRequestProperty().set(null);
            inspector.focusRequestProperty().set(problem.property() != null ? problem.property() : "");
        }
        status.set(problem.toString());
    }

    void execute(Job job) {
        history.execute(job);
    }

    // --- document lifecycle (used by DocumentFiles) ---------------------------------------

    /** Replaces the document: no history, and clean unless it has never been saved anywhere. */
    void replaceDocument(Flow newFlow, boolean clean) {
        replaceDocument(newFlow, clean, null);
    }

    /** @param checked what the validator found in {@code newFlow} (checked off the UI thread), or null to check now */
    void replaceDocument(Flow newFlow, boolean clean, List<Problem> checked) {
        selection.clear();
        flow.set(newFlow);
        history.reset(clean);
        if (checked == null) {
            problems.validateNow();
        } else {
            problems.show(checked);
        }
        documentVersion.set(documentVersion.get() + 1);
    }

    void markSaved() {
        history.markSaved();
    }

    /** "1 wire", "2 wires". */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
