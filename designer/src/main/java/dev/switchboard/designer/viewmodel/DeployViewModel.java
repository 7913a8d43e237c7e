package dev.switchboard.designer.viewmodel;

import dev.switchboard.connector.support.Causes;
import dev.switchboard.designer.edit.FlowHolder;
import dev.switchboard.designer.model.DeployTargets;
import dev.switchboard.runtime.admin.AdminClient;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * File ▸ Deploy to runtime…: sends the open flow to a runtime's admin API and shows its answer —
 * deployed, replaced, or refused with every problem and its pointer. The address and token are
 * remembered per workspace (the open file's folder) in the designer's data folder, never in the flow.
 */
public final class DeployViewModel {
    private final FlowHolder document;
    private final Supplier<Path> workspace;
    private final RunEnvironment environment;
    private final StringProperty url = new SimpleStringProperty(DeployTargets.DEFAULT_URL);
    private final StringProperty token = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper succeeded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();

    DeployViewModel(FlowHolder document, Supplier<Path> workspace, RunEnvironment environment) {
        this.document = document;
        this.workspace = workspace;
        this.environment = environment;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True after the last deploy was taken. */
    public ReadOnlyBooleanProperty succeededProperty() {
        return succeeded.getReadOnlyProperty();
    }

    /** One line: what happened to the last deploy. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The runtime's problems with the last deploy, each "pointer: message". */
    public ObservableList<String> problems() {
        return problems;
    }

    /** Fills in the address and token this workspace deployed to last (when the dialog opens). */
    public void load() {
        outcome.set("");
        problems.clear();
        targets().forWorkspace(workspace.get()).ifPresent(target -> {
            url.set(target.url());
            token.set(target.token());
        });
    }

    /** Deploys the open flow; the answer arrives on the UI thread. */
    public void deploy() {
        String address = url.get().strip();
        URI base;
        try {
            base = URI.create(address);
            if (base.getScheme() == null || !base.getScheme().startsWith("http") || base.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) address");
            }
        } catch (IllegalArgumentException e) {
            show(
                    false,
                    "'" + address + "' is not the address of an admin API, e.g. " + DeployTargets.DEFAULT_URL,
                    List.of());
            return;
        }
        if (token.get().isBlank()) {
            show(
                    false,
                    "The runtime's admin token is needed: it prints it on its first start and keeps it"
                            + " in <data>/admin.token",
                    List.of());
            return;
        }
        Flow flow = document.flow();
        String json = FlowCodec.write(flow);
        String bearer = token.get().strip();
        Path folder = workspace.get();
        busy.set(true);
        outcome.set("Deploying '" + flow.id() + "' to " + address + "…");
        problems.clear();
        environment.background().execute(() -> {
            String message;
            boolean ok;
            List<String> lines;
            try {
                AdminClient.Answer answer = new AdminClient(base, bearer).deploy(flow.id(), json);
                ok = answer.ok();
                lines = answer.problemLines();
                message = ok
                        ? "'" + flow.id() + "' " + (answer.created() ? "deployed to " : "replaced on ") + address
                        : "Not deployed: " + answer.message() + " (HTTP " + answer.status() + ")";
                if (ok) {
                    targets().remember(folder, new DeployTargets.Target(address, bearer));
                }
            } catch (Exception e) {
                ok = false;
                lines = List.of();
                message = "Cannot reach the admin API at " + address + " (" + Causes.rootMessage(e)
                        + "): is 'switchboard run' running there, with this admin port?";
            }
            boolean taken = ok;
            String shown = message;
            List<String> shownProblems = lines;
            environment.ui().execute(() -> show(taken, shown, shownProblems));
        });
    }

    private void show(boolean ok, String message, List<String> lines) {
        busy.set(false);
        succeeded.set(ok);
        outcome.set(message);
        problems.setAll(lines);
    }

    private DeployTargets targets() {
        return new DeployTargets(environment.settings().get().dataFolder());
    }
}
