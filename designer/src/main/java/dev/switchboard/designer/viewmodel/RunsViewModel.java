package dev.switchboard.designer.viewmodel;

import dev.switchboard.runtime.store.DeadLetter;
import dev.switchboard.runtime.store.RunQueries;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The runs panel: recent runs of the running flows, their dead letters, and replay. */
public final class RunsViewModel {
    public static final int LIMIT = 200;
    /** The status filter's choices; null means any status. */
    public static final List<String> STATUSES = List.of("SUCCESS", "FILTERED", "RETRYING", "FAILED", "DEAD_LETTERED");
    /** Refresh at most this often (in ticks) while events flow. */
    private static final int REFRESH_EVERY_TICKS = 10;

    private final RunHost host;
    private final Supplier<Set<String>> runningFlows;
    private final ObservableList<RunQueries.Run> runs = FXCollections.observableArrayList();
    private final ObservableList<DeadLetter> deadLetters = FXCollections.observableArrayList();
    private final ObjectProperty<String> statusFilter = new SimpleObjectProperty<>();
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private long seenSeq = -1;
    private int ticks;
    private boolean refreshing;

    RunsViewModel(RunHost host, Supplier<Set<String>> runningFlows) {
        this.host = host;
        this.runningFlows = runningFlows;
        statusFilter.addListener((obs, o, n) -> refresh());
        shown.addListener((obs, o, now) -> {
            if (now) {
                refresh();
            }
        });
    }

    /** Newest first. */
    public ObservableList<RunQueries.Run> runs() {
        return runs;
    }
    /** Dead letters not yet replayed, newest first. */
    public ObservableList<DeadLetter> deadLetters() {
        return deadLetters;
    }

    public ObjectProperty<String> statusFilterProperty() {
        return statusFilter;
    }
    /**
     * Whether the runs panel is on screen: only then does it follow new runs (refreshing a hidden
     * table under load cost whole-window repaints of a few hundred milliseconds).
     */
    public BooleanProperty shownProperty() {
        return shown;
    }

    public void refresh() {
        if (host.session().isEmpty() || refreshing) {
            return;
        }
        refreshing = true;
        Set<String> flows = runningFlows.get();
        String status = statusFilter.get();
        host.submit(
                "Refreshing runs",
                s -> new Lists(s.runs(flows, status, LIMIT), s.deadLetters(flows, LIMIT)),
                lists -> {
                    if (!lists.runs().equals(runs)) {
                        runs.setAll(lists.runs());
                    }
                    if (!lists.deadLetters().equals(deadLetters)) {
                        deadLetters.setAll(lists.deadLetters());
                    }
                },
                () -> refreshing = false);
    }

    private record Lists(List<RunQueries.Run> runs, List<DeadLetter> deadLetters) {}

    /** Called every tick: refreshes about once a second while new runs finish. */
    void tick(long lastSeq) {
        if (++ticks >= REFRESH_EVERY_TICKS && lastSeq != seenSeq && shown.get()) {
            ticks = 0;
            seenSeq = lastSeq;
            refresh();
        }
    }

    /** Replays the dead letter a failed run left, from the node that failed. */
    public void replay(RunQueries.Run run) {
        host.submit("Replay", s -> s.deadLetterOf(run.runId()), letter -> {
            if (letter.isEmpty()) {
                host.status(
                        "Run " + run.runId() + " (" + run.status().toLowerCase() + ") left no dead letter to replay");
            } else if (!"DEAD".equals(letter.get().state())) {
                host.status("Dead letter #" + letter.get().id() + " was already replayed");
            } else {
                replay(letter.get());
            }
        });
    }

    public void replay(DeadLetter letter) {
        host.submit("Replay", s -> s.replay(letter.id()), replayed -> {
            host.status(
                    replayed.isPresent()
                            ? "Replaying event " + letter.eventId() + " from node '" + letter.nodeId() + "' of "
                                    + letter.flowId()
                            : "Dead letter #" + letter.id() + " was already replayed");
            refresh();
        });
    }

    void clear() {
        runs.clear();
        deadLetters.clear();
        seenSeq = -1;
        refreshing = false;
    }
}
