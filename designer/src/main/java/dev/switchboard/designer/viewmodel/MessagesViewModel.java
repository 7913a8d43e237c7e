package dev.switchboard.designer.viewmodel;

import dev.switchboard.runtime.live.LiveMessage;
import dev.switchboard.runtime.live.LiveSnapshot;
import dev.switchboard.runtime.live.NodeKey;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The message inspector: the latest events at each node, newest last, at most {@code capacity}
 * of them (older ones fall out, so memory stays bounded however long a flow runs). Fed in
 * batches by the run ticker, never per event.
 */
public final class MessagesViewModel {
    private final ObservableList<LiveMessage> all = FXCollections.observableArrayList();
    private final FilteredList<LiveMessage> visible = new FilteredList<>(all);
    // one wrapper for all callers: unmodifiable wrappers hold their source weakly, so a fresh one per call can lose
    // listeners
    private final ObservableList<LiveMessage> readOnlyAll = FXCollections.unmodifiableObservableList(all);
    private final ObjectProperty<NodeKey> nodeFilter = new SimpleObjectProperty<>();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final IntegerProperty capacity;
    private final ObjectProperty<LiveMessage> selected = new SimpleObjectProperty<>();
    private final ReadOnlyLongWrapper missed = new ReadOnlyLongWrapper();
    private long lastSeq;

    MessagesViewModel(int initialCapacity) {
        capacity = new SimpleIntegerProperty(initialCapacity);
        nodeFilter.addListener((obs, o, key) -> visible.setPredicate(
                key == null
                        ? null
                        : m -> m.flowId().equals(key.flowId()) && m.nodeId().equals(key.nodeId())));
        capacity.addListener((obs, o, n) -> trim());
    }

    /** Every kept message, oldest first. */
    public ObservableList<LiveMessage> all() {
        return readOnlyAll;
    }
    /** The kept messages the node filter lets through. */
    public ObservableList<LiveMessage> visible() {
        return visible;
    }
    /** Show one node's messages; null for all. */
    public ObjectProperty<NodeKey> nodeFilterProperty() {
        return nodeFilter;
    }
    /** While paused the list stands still (counters keep moving); what passes meanwhile is not shown later. */
    public BooleanProperty pausedProperty() {
        return paused;
    }
    /** How many messages are kept. */
    public IntegerProperty capacityProperty() {
        return capacity;
    }

    public ObjectProperty<LiveMessage> selectedProperty() {
        return selected;
    }
    /** Messages never shown: they passed while paused, or faster than the list keeps them. */
    public ReadOnlyLongProperty missedProperty() {
        return missed.getReadOnlyProperty();
    }

    long lastSeq() {
        return lastSeq;
    }

    void clear() {
        all.clear();
        selected.set(null);
        missed.set(0);
    }

    /** One tick's worth: appends what is new in one change and drops the oldest beyond capacity. */
    void accept(LiveSnapshot snapshot) {
        List<LiveMessage> fresh = snapshot.messages();
        long passed = snapshot.lastSeq() - lastSeq;
        lastSeq = snapshot.lastSeq();
        if (paused.get()) {
            missed.set(missed.get() + passed);
            return;
        }
        missed.set(missed.get() + snapshot.dropped());
        if (fresh.isEmpty()) {
            return;
        }
        int keep = Math.max(1, capacity.get());
        List<LiveMessage> batch = fresh.size() > keep ? fresh.subList(fresh.size() - keep, fresh.size()) : fresh;
        missed.set(missed.get() + fresh.size() - batch.size());
        int overflow = all.size() + batch.size() - keep;
        if (overflow > 0) {
            if (overflow >= all.size()) {
                all.setAll(batch);
                return;
            }
            all.remove(0, overflow);
        }
        all.addAll(batch);
    }

    private void trim() {
        int keep = Math.max(1, capacity.get());
        if (all.size() > keep) {
            all.remove(0, all.size() - keep);
        }
    }
}
