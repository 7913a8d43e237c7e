package dev.switchboard.designer.viewmodel;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.designer.model.ConnectorHelp;
import dev.switchboard.designer.model.NodeIds;
import dev.switchboard.runtime.model.ContractBinding;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.validate.Problem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The inspector: the selected node's name, id and config form, or the flow's own fields when no
 * single node is selected. The form is rebuilt only when the selection changes, so typing is
 * never interrupted; document changes are loaded into the existing fields. The selected node's
 * connector help is parsed once per selection; whether it is shown expanded is kept for the whole
 * session, whichever node is selected.
 */
public final class InspectorViewModel {
    private final DesignerViewModel doc;
    private final ReadOnlyObjectWrapper<FormViewModel> form = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ConnectorSpec> connector = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<org.commonmark.node.Node> help = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty helpExpanded = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper nodeId = new ReadOnlyStringWrapper();
    private final StringProperty nodeName = new SimpleStringProperty("");
    private final StringProperty idText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper idError = new ReadOnlyStringWrapper("");
    private final StringProperty flowId = new SimpleStringProperty("");
    private final StringProperty flowName = new SimpleStringProperty("");
    private final StringProperty flowDescription = new SimpleStringProperty("");
    private final ObservableList<String> suggestions = FXCollections.observableArrayList();
    // one wrapper for all callers: unmodifiable wrappers hold their source weakly, so a fresh one per call can lose
    // listeners
    private final ObservableList<String> readOnlySuggestions = FXCollections.unmodifiableObservableList(suggestions);
    private final ObjectProperty<String> focusRequest = new SimpleObjectProperty<>();
    private final ContractEditor contract;
    /** Depth of refreshes in progress: property changes made while loading are not user edits. */
    private int loading;

    InspectorViewModel(DesignerViewModel doc) {
        this.doc = doc;
        this.contract = new ContractEditor(doc::bindContract);
        nodeName.addListener((obs, old, now) -> {
            if (loading == 0 && nodeId.get() != null) {
                doc.renameNode(nodeId.get(), now);
            }
        });
        flowName.addListener((obs, old, now) -> {
            if (loading == 0) {
                doc.editFlow(
                        doc.flow()
                                .withIdentity(
                                        doc.flow().id(),
                                        blankToNull(now),
                                        doc.flow().description()),
                        "name");
            }
        });
        flowDescription.addListener((obs, old, now) -> {
            if (loading == 0) {
                doc.editFlow(
                        doc.flow().withIdentity(doc.flow().id(), doc.flow().name(), blankToNull(now)), "description");
            }
        });
        flowId.addListener((obs, old, now) -> {
            if (loading == 0 && NodeIds.isValid(now)) {
                doc.editFlow(
                        doc.flow()
                                .withIdentity(now, doc.flow().name(), doc.flow().description()),
                        "id");
            }
        });
    }

    public ReadOnlyObjectProperty<FormViewModel> formProperty() {
        return form.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectorSpec> connectorProperty() {
        return connector.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nodeIdProperty() {
        return nodeId.getReadOnlyProperty();
    }
    /**
     * The selected node's connector help as a Markdown syntax tree ({@link ConnectorHelp}), null
     * when there is none or no node is selected. Read it only.
     */
    public ReadOnlyObjectProperty<org.commonmark.node.Node> helpProperty() {
        return help.getReadOnlyProperty();
    }
    /** Whether the help is shown expanded; one setting for every node, kept while the app runs. */
    public BooleanProperty helpExpandedProperty() {
        return helpExpanded;
    }

    public StringProperty nodeNameProperty() {
        return nodeName;
    }

    public StringProperty idTextProperty() {
        return idText;
    }

    public ReadOnlyStringProperty idErrorProperty() {
        return idError.getReadOnlyProperty();
    }

    public StringProperty flowIdProperty() {
        return flowId;
    }

    public StringProperty flowNameProperty() {
        return flowName;
    }

    public StringProperty flowDescriptionProperty() {
        return flowDescription;
    }

    public ObservableList<String> suggestions() {
        return readOnlySuggestions;
    }
    /** The property whose editor should take the focus (set by clicking a problem). */
    public ObjectProperty<String> focusRequestProperty() {
        return focusRequest;
    }

    /** The selected node's data contract, editable. */
    public ContractEditor contract() {
        return contract;
    }

    public FormViewModel form() {
        return form.get();
    }

    /** Applies the id typed in the id field (on Enter or leaving it), refusing taken or malformed ids. */
    public boolean applyId() {
        String current = nodeId.get();
        String wanted = idText.get() == null ? "" : idText.get().strip();
        if (current == null || wanted.equals(current)) {
            idError.set("");
            return true;
        }
        if (!NodeIds.isValid(wanted)) {
            idError.set("Use lower-case letters, digits, - and _ (start with a letter or digit)");
            return false;
        }
        if (doc.flow().node(wanted).isPresent()) {
            idError.set("Another node already has the id '" + wanted + "'");
            return false;
        }
        idError.set("");
        doc.changeNodeId(current, wanted);
        return true;
    }

    /** Called by the document after every change of flow, selection or problems. */
    void refresh() {
        Flow flow = doc.flow();
        Optional<Node> node = doc.selection().single().flatMap(flow::node);
        loading++;
        try {
            if (node.isEmpty()) {
                contract.load(null);
                nodeId.set(null);
                help.set(null);
                form.set(null);
                connector.set(null);
                suggestions.clear();
                flowId.set(flow.id());
                flowName.set(flow.name() == null ? "" : flow.name());
                flowDescription.set(flow.description() == null ? "" : flow.description());
                return;
            }
            Node n = node.get();
            ConnectorSpec spec =
                    doc.catalog().find(n.type()).map(Connector::spec).orElse(null);
            boolean sameNode = n.id().equals(nodeId.get()) && form.get() != null;
            if (!sameNode || !java.util.Objects.equals(n.contract(), shownContract(n))) {
                contract.load(n); // before the id: the view renders the section when the id changes
            }
            java.nio.file.Path file = doc.files().fileProperty().get();
            suggestions.setAll(doc.suggestions()
                    .forNode(
                            flow,
                            n.id(),
                            file == null ? null : dev.switchboard.runtime.contract.SchemaRegistry.beside(file)));
            if (!sameNode) {
                // before the id: the view renders when the id or the form changes
                ConnectorHelp text = spec == null ? ConnectorHelp.NONE : ConnectorHelp.of(spec.help());
                help.set(text.isEmpty() ? null : text.document());
                nodeId.set(n.id());
                idText.set(n.id());
                idError.set("");
                connector.set(spec);
                String id = n.id();
                form.set(
                        spec == null
                                ? null
                                : new FormViewModel(
                                        spec.properties(),
                                        n.config(),
                                        suggestions,
                                        (config, path) -> doc.updateConfig(id, config, path)));
            } else if (form.get() != null) {
                form.get().load(n.config());
            }
            nodeName.set(n.name() == null ? "" : n.name());
            if (form.get() != null) {
                form.get().showProblems(problemsOf(flow, n));
            }
        } finally {
            loading--;
        }
    }

    private Map<String, String> problemsOf(Flow flow, Node n) {
        String prefix = "/nodes/" + flow.nodes().indexOf(n) + "/config";
        Map<String, String> byPointer = new LinkedHashMap<>();
        for (Problem p : doc.problems().items()) {
            if (!n.id().equals(p.nodeId())) {
                continue;
            }
            if (p.pointer().startsWith(prefix + "/")) {
                byPointer.putIfAbsent(p.pointer().substring(prefix.length()), p.message());
            } else if (p.property() != null) {
                byPointer.putIfAbsent("/" + p.property(), p.message());
            }
        }
        return byPointer;
    }

    /** The binding the contract section shows now, as the node would carry it. */
    private ContractBinding shownContract(Node n) {
        String reference = contract.subjectProperty().get().strip();
        if (reference.isEmpty()) {
            return null;
        }
        try {
            return ContractBinding.parse(
                    reference,
                    ContractBinding.Enforcement.of(
                                    contract.enforcementProperty().get())
                            .orElse(null));
        } catch (IllegalArgumentException e) {
            return n.contract(); // half-typed: leave the field as the user has it
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
