package dev.switchboard.runtime.policy;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;

/**
 * How the store writes the events it keeps to deliver or replay them (inbox rows, dead letters) and
 * how it shows them: plain CloudEvents JSON without policies; sealed ({@link EventSeal}) while
 * masking policies are in force, and shown masked.
 */
public final class EventsAtRest {
    public static final EventsAtRest PLAIN = new EventsAtRest(null, new FieldMasker(Policies.NONE));
    /** What a reader sees of a sealed event it cannot open. */
    public static final String SEALED_NOTE =
            "{\"sealed\":\"this event is kept encrypted because masking policies apply; the runtime that"
                    + " holds the vault key shows it masked and replays it in full\"}";

    private final EventSeal seal;
    private final FieldMasker masker;

    public EventsAtRest(EventSeal seal, FieldMasker masker) {
        this.seal = seal;
        this.masker = masker;
    }

    /** The stored text of an event the runtime must be able to run again in full. */
    public String write(Event event) {
        String json = Json.write(Json.toCloudEvent(event));
        return seal == null ? json : seal.seal(json);
    }

    /** The event, opened when sealed; for running it. */
    public Event read(String stored) {
        String json = seal == null ? stored : seal.open(stored);
        if (seal == null && EventSeal.isSealed(stored)) {
            throw new EventSeal.SealException(
                    "A stored event is sealed, and this runtime has no masking policies (so no seal key): start"
                            + " it with the policies.json that sealed it");
        }
        return Json.fromCloudEvent(Json.parse(json));
    }

    /** The stored event as people may see it (CLI, admin API): masked; a note when it cannot be opened. */
    public String shown(String stored) {
        if (stored == null || !EventSeal.isSealed(stored)) {
            return stored == null || masker.isEmpty()
                    ? stored
                    : Json.write(Json.toCloudEvent(
                            masker.mask(Json.fromCloudEvent(Json.parse(stored))).event()));
        }
        if (seal == null) {
            return SEALED_NOTE;
        }
        Event event = Json.fromCloudEvent(Json.parse(seal.open(stored)));
        return Json.write(Json.toCloudEvent(masker.mask(event).event()));
    }
}
