package dev.switchboard.designer.viewmodel;

import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.EventRejectedException;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.designer.run.InjectSamples;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Sending a sample event into a trigger of the running flow, so it can be tried without the
 * outside system. The sample is editable JSON, remembered per trigger.
 */
public final class InjectViewModel {
    private final RunHost host;
    private final Supplier<Flow> flow;
    private final Function<String, Optional<ConnectorSpec>> specs;
    private final dev.switchboard.designer.model.SampleEvents sampleEvents;
    private final ObservableList<String> triggers = FXCollections.observableArrayList();
    private final StringProperty trigger = new SimpleStringProperty();
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastEventId = new ReadOnlyStringWrapper();
    private InjectSamples samples;
    /** The schemas beside the open flow file, for triggers under a contract; null before it is saved. */
    private final Supplier<SchemaRegistry> schemas;

    InjectViewModel(
            RunHost host,
            Supplier<Flow> flow,
            Function<String, Optional<ConnectorSpec>> specs,
            dev.switchboard.designer.model.SampleEvents sampleEvents,
            Supplier<SchemaRegistry> schemas) {
        this.sampleEvents = sampleEvents;
        this.schemas = schemas;
        this.host = host;
        this.flow = flow;
        this.specs = specs;
        trigger.addListener((obs, o, n) -> loadSample());
        text.addListener((obs, o, n) -> error.set(""));
    }

    /** The open flow's trigger node ids. */
    public ObservableList<String> triggers() {
        return triggers;
    }
    /** The trigger to send to. */
    public StringProperty triggerProperty() {
        return trigger;
    }
    /** The sample: the event's data as JSON, or a whole CloudEvents object. */
    public StringProperty textProperty() {
        return text;
    }
    /** Why the last send was refused (e.g. where the JSON broke); empty when fine. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
    /** The id of the event sent last, to trace it. */
    public ReadOnlyStringProperty lastEventIdProperty() {
        return lastEventId.getReadOnlyProperty();
    }

    /** The flow changed: keep the trigger list in step, keeping the choice when it still exists. */
    void flowChanged() {
        List<String> ids = flow.get().nodes().stream()
                .filter(n -> specs.apply(n.type())
                        .map(s -> s.kind() == ConnectorKind.TRIGGER)
                        .orElse(false))
                .map(Node::id)
                .toList();
        if (!ids.equals(triggers)) {
            String chosen = trigger.get();
            triggers.setAll(ids);
            trigger.set(ids.contains(chosen) ? chosen : ids.isEmpty() ? null : ids.get(0));
        }
    }

    /** Samples are remembered in the data folder; until a run has started, in memory. */
    void useSamples(InjectSamples store) {
        this.samples = store;
        loadSample();
    }

    private void loadSample() {
        String nodeId = trigger.get();
        if (nodeId == null) {
            return;
        }
        Optional<String> remembered = samples == null
                ? Optional.empty()
                : samples.remembered(flow.get().id(), nodeId);
        text.set(remembered.orElseGet(() -> sampleFor(nodeId)));
    }

    /**
     * A first sample for a trigger: its connector's sample event with the fields the rules
     * downstream test (e.g. {@code amount} for a filter on {@code data.amount}).
     */
    public String sampleFor(String triggerId) {
        return sampleEvents.forTrigger(flow.get(), triggerId, schemas.get());
    }

    /** Sends the sample to the chosen trigger of the running flow. */
    public void send() {
        Flow current = flow.get();
        Optional<Node> node = Optional.ofNullable(trigger.get()).flatMap(current::node);
        if (node.isEmpty()) {
            error.set("Choose a trigger to send the sample to");
            return;
        }
        Event event;
        try {
            String defaultType = specs.apply(node.get().type())
                    .flatMap(spec -> spec.properties().stream()
                            .filter(p -> p.name().equals("eventType"))
                            .findFirst())
                    .map(p -> p.defaultValue() instanceof ConfigValue.Text t ? t.value() : null)
                    .orElse(null);
            event = InjectSamples.toEvent(text.get(), current.id(), node.get(), defaultType);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            host.status("Inject: " + e.getMessage());
            return;
        }
        if (samples != null) {
            samples.remember(current.id(), node.get().id(), text.get());
        }
        String nodeId = node.get().id();
        host.submit(
                "Inject",
                s -> {
                    if (!s.isDeployed(current.id())) {
                        throw new IllegalStateException("'" + current.id() + "' is not running — press Run");
                    }
                    try {
                        s.inject(current.id(), nodeId, event);
                        return Optional.<EventRejectedException>empty();
                    } catch (IllegalStateException e) {
                        // the trigger's contract refused it: what is wrong is the answer, not a failure to report
                        return Optional.of(rejection(e).orElseThrow(() -> e));
                    }
                },
                rejected -> {
                    if (rejected.isPresent()) {
                        error.set(refusal(rejected.get()));
                        host.status("Inject: '" + nodeId + "' refused the event: it breaks the contract "
                                + rejected.get().contract());
                        return;
                    }
                    lastEventId.set(event.id());
                    host.status("Sent event " + event.id() + " into '" + nodeId + "'");
                });
    }

    private static Optional<EventRejectedException> rejection(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof EventRejectedException rejected) {
                return Optional.of(rejected);
            }
        }
        return Optional.empty();
    }

    /** Every violation on a line of its own, with the JSON pointer into the sample's data. */
    static String refusal(EventRejectedException rejected) {
        StringBuilder text = new StringBuilder("Refused by the contract ")
                .append(rejected.contract())
                .append(" (nothing was kept):");
        for (EventRejectedException.Violation v : rejected.violations()) {
            text.append("\n  ")
                    .append(v.pointer().isEmpty() ? "(the data)" : "data" + v.pointer())
                    .append(": ")
                    .append(v.message());
        }
        return text.toString();
    }
}
