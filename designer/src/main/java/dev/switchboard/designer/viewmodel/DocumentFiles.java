package dev.switchboard.designer.viewmodel;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.designer.model.FlowExporter;
import dev.switchboard.designer.model.RecentFiles;
import dev.switchboard.designer.model.SampleTemplate;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.MalformedFlowException;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.policy.PoliciesFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** New, open, save, recent files, templates and export for the document. */
public final class DocumentFiles {
    private final DesignerViewModel doc;
    private final RunEnvironment threads;
    private final ReadOnlyStringWrapper opening = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> templatePolicies = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ObjectProperty<RecentFiles> recentStore = new SimpleObjectProperty<>();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    // one wrapper for all callers: unmodifiable wrappers hold their source weakly, so a fresh one per call can lose
    // listeners
    private final ObservableList<Path> readOnlyRecent = FXCollections.unmodifiableObservableList(recent);

    DocumentFiles(DesignerViewModel doc, RunEnvironment threads) {
        this.doc = doc;
        this.threads = threads;
        title.bind(Bindings.createStringBinding(
                () -> (doc.isDirty() ? "• " : "")
                        + doc.flow().displayName() + " — "
                        + (file.get() == null
                                ? "unsaved"
                                : file.get().getFileName().toString()) + " — Switchboard",
                file,
                doc.history().dirtyProperty(),
                doc.flowProperty()));
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /**
     * The policies file of the gallery sample this unsaved document came from, null otherwise: a Run
     * applies it until the first save, which copies it beside the flow.
     */
    public ReadOnlyObjectProperty<Path> templatePoliciesProperty() {
        return templatePolicies.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObservableList<Path> recent() {
        return readOnlyRecent;
    }

    /** Where recent files are remembered; none (tests) keeps the list in memory only. */
    public void useRecentFiles(RecentFiles store) {
        recentStore.set(store);
        recent.setAll(store == null ? List.of() : store.list());
    }

    public void newFlow() {
        file.set(null);
        templatePolicies.set(null);
        doc.replaceDocument(Flow.empty("untitled", "Untitled flow"), true);
        doc.statusProperty().set("New flow");
    }

    public void open(Path path) throws IOException, MalformedFlowException {
        Flow flow = FlowCodec.read(Files.readString(path));
        opened(path, flow, null);
    }

    /** The name of the file being opened in the background, null when none is. */
    public ReadOnlyStringProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /**
     * Opens a file without holding up the UI: reading, parsing and checking a big flow take
     * seconds, so they run on the background thread; only the finished document is handed to the
     * UI thread, which draws it in one go. {@code onError} gets a file that cannot be read or parsed.
     */
    public void openInBackground(Path path, java.util.function.Consumer<Exception> onError) {
        opening.set(path.getFileName().toString());
        doc.statusProperty().set("Opening " + path.getFileName() + "…");
        threads.background().execute(() -> {
            try {
                Flow flow = FlowCodec.read(Files.readString(path));
                List<dev.switchboard.runtime.validate.Problem> found =
                        doc.problems().check(flow);
                threads.ui().execute(() -> {
                    opening.set(null);
                    opened(path, flow, found);
                });
            } catch (IOException | MalformedFlowException | RuntimeException e) {
                threads.ui().execute(() -> {
                    opening.set(null);
                    doc.statusProperty().set("Cannot open " + path.getFileName());
                    onError.accept(e);
                });
            }
        });
    }

    private void opened(Path path, Flow flow, List<dev.switchboard.runtime.validate.Problem> checked) {
        file.set(path);
        templatePolicies.set(null);
        doc.replaceDocument(flow, true, checked);
        remember(path);
        doc.statusProperty()
                .set("Opened " + path.getFileName() + " ("
                        + DesignerViewModel.count(flow.nodes().size(), "node") + ")");
    }

    /** Saves to the current file; false when there is none yet (the view then asks Save As). */
    public boolean save() throws IOException {
        if (file.get() == null) {
            return false;
        }
        saveAs(file.get());
        return true;
    }

    public void saveAs(Path path) throws IOException {
        Files.writeString(path, FlowCodec.write(doc.flow()));
        String policies =
                templatePolicies.get() == null ? "" : TemplatePolicies.copyBeside(templatePolicies.get(), path);
        templatePolicies.set(null);
        file.set(path);
        doc.markSaved();
        remember(path);
        doc.statusProperty().set("Saved " + path.getFileName() + policies);
        doc.run().saved(doc.flow());
    }

    /** Opens an untitled copy of a template: saving asks where to. */
    public void importTemplate(SampleTemplate template) {
        file.set(null);
        templatePolicies.set(template.policies());
        doc.replaceDocument(template.flow(), false);
        doc.statusProperty()
                .set("New flow from template '" + template.title() + "'"
                        + template.policiesFile()
                                .map(p -> " with its policies (" + p
                                        + "): Run applies them, saving copies them beside the flow")
                                .orElse(""));
    }

    /** A flow made elsewhere (an import) as a new document with no file yet, unsaved so closing asks. */
    public void openUnsaved(Flow flow, String status) {
        file.set(null);
        templatePolicies.set(null);
        doc.replaceDocument(flow, false);
        doc.statusProperty().set(status);
    }

    public FlowExporter.Result export(Path folder) throws IOException {
        FlowExporter.Result result = new FlowExporter().export(List.of(doc.flow()), folder);
        // the folder runs as is only with the policies the flow runs under here
        Path policies = templatePolicies.get() != null
                ? templatePolicies.get()
                : file.get() == null ? null : file.get().toAbsolutePath().resolveSibling(PoliciesFile.FILE);
        String withPolicies =
                policies == null ? "" : TemplatePolicies.copyBeside(policies, folder.resolve(suggestedFileName()));
        doc.statusProperty().set("Exported to " + folder + withPolicies + " — run it with ./switchboard run " + folder);
        return result;
    }

    /**
     * Names the flow before its first save: the name as given, the id its slug, and a webhook
     * still on the path its old id gave it ({@code /hooks/untitled}) moves to the new id's.
     */
    public void name(String name) {
        Flow flow = doc.flow();
        String id = dev.switchboard.designer.model.FlowNames.slug(name);
        String oldPath = "/hooks/" + flow.id();
        List<dev.switchboard.runtime.model.Node> nodes = flow.nodes().stream()
                .map(n -> n.config().values().get("path") instanceof ConfigValue.Text t
                                && t.value().startsWith(oldPath)
                        ? n.withConfig(n.config()
                                .with(
                                        "path",
                                        ConfigValue.of(
                                                "/hooks/" + id + t.value().substring(oldPath.length()))))
                        : n)
                .toList();
        doc.editFlow(flow.withIdentity(id, name.strip(), flow.description()).withNodes(nodes), "name");
    }

    /** A suggested file name for Save As: the flow id. */
    public String suggestedFileName() {
        return doc.flow().id() + ".flow.json";
    }

    private void remember(Path path) {
        if (recentStore.get() != null) {
            recent.setAll(recentStore.get().add(path));
        } else if (!recent.contains(path)) {
            recent.add(0, path);
        }
    }
}
