package dev.switchboard.designer.viewmodel;

import dev.switchboard.designer.run.AppliedPolicies;
import dev.switchboard.designer.run.PolicyPlace;
import dev.switchboard.designer.run.RunSession;
import dev.switchboard.runtime.policy.PolicyFileException;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Run panel's policies line: which policies file the running engine applies and its rules, an
 * edit of it that the next Run will apply, or a file that could not be applied with each problem's
 * JSON pointer. Policies are fixed for an engine's life (events already stored masked stay so), so
 * an edit is never applied behind the user's back: the file is looked at about once a second while
 * flows run, and the next Run restarts the runtime under it.
 */
public final class PoliciesViewModel {
    /** Ticks (a tenth of a second each) between two looks at the policies file. */
    static final int CHECK_EVERY = 10;

    private final ReadOnlyObjectWrapper<AppliedPolicies> applied = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rules = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pending = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final RunEnvironment env;
    private final Supplier<PolicyPlace> place;
    private int ticks;
    private boolean looking;

    PoliciesViewModel(RunEnvironment env, Supplier<PolicyPlace> place) {
        this.env = env;
        this.place = place;
    }

    /** What the running engine applies; null while nothing runs. */
    public ReadOnlyObjectProperty<AppliedPolicies> appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    /** The applied file and how many rules of each kind, in one line; empty while nothing runs. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The applied rules with their names ({@code masking 2 (cards, emails) · routing 0}); empty while nothing runs. */
    public ReadOnlyStringProperty rulesProperty() {
        return rules.getReadOnlyProperty();
    }

    /** Said while the policies file a Run would apply differs from the applied one; else empty. */
    public ReadOnlyStringProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** Why the last Run could not apply the policies file, one problem a line with its pointer; else empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void applied(AppliedPolicies policies) {
        applied.set(policies);
        summary.set(policies.file()
                .map(f -> "Policies applied — " + policies.counts() + " — from " + f)
                .orElse("No policies file applied: nothing is masked or blocked"
                        + " (a policies.json beside the flow applies at the next Run)"));
        rules.set(policies.rules());
        pending.set("");
        problem.set("");
        ticks = 0;
    }

    void invalid(PolicyFileException e) {
        problem.set("Not applied — " + e.getMessage());
    }

    void stopped() {
        applied.set(null);
        summary.set("");
        rules.set("");
        pending.set("");
    }

    /** Called on each tick while flows run: every {@link #CHECK_EVERY} ticks, a look at the file off the UI thread. */
    void tick(RunSession session) {
        if (++ticks < CHECK_EVERY || looking) {
            return;
        }
        ticks = 0;
        looking = true;
        PolicyPlace now = place.get();
        env.background().execute(() -> {
            String text = session.policiesChanged(now) ? pendingText(session.policies(), now, session) : "";
            env.ui().execute(() -> {
                looking = false;
                if (applied.get() == session.policies()) {
                    pending.set(text);
                }
            });
        });
    }

    private static String pendingText(AppliedPolicies current, PolicyPlace place, RunSession session) {
        var wanted = place.locate(session.dataFolder());
        if (wanted.equals(current.file())) {
            return wanted.get().getFileName() + " changed — applied at the next Run";
        }
        return wanted.map(p -> "The open flow's policies are " + p).orElse("The open flow has no policies file")
                + " — applied at the next Run";
    }
}
