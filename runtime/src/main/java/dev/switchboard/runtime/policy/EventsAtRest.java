package dev.switchboard.runtime.policy;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;

/**
 * How the store writes the events it keeps to deliver or replay them (inbox rows, dead letters) and
 * how it shows them: plain CloudEvents JSON without policies; sealed ({@link EventSeal}) while
 * masking policies are in force, and shown masked.
 */
public final class EventsAtRest {
    public static final EventsAtRest PLAIN = new EventsAtRest(null, new FieldMasker(Policies.NONE), false);
    /** What a reader sees of a sealed event it cannot open. */
    public static final String SEALED_NOTE =
            "{\"sealed\":\"this event is kept encrypted because masking policies apply; the runtime that"
                    + " holds the vault key shows it masked and replays it in full\"}";

    /** What a reader sees of a sealed event this runtime's vault key does not open. */
    public static final String SEALED_WITH_ANOTHER_KEY =
            "{\"sealed\":\"this event was sealed with another vault key (or altered) and cannot be shown\"}";

    private final EventSeal seal;
    private final FieldMasker masker;
    private final boolean sealWrites;

    /**
     * @param seal opens sealed rows (and seals new ones when {@code sealWrites}); null: none can be opened
     * @param sealWrites whether new rows are sealed: while masking rules are in force. Without them a
     *     seal still opens rows sealed before (policies removed since), so they run and replay
     */
    public EventsAtRest(EventSeal seal, FieldMasker masker, boolean sealWrites) {
        this.seal = seal;
        this.masker = masker;
        this.sealWrites = sealWrites && seal != null;
    }

    /** The stored text of an event the runtime must be able to run again in full. */
    public String write(Event event) {
        String json = Json.write(Json.toCloudEvent(event));
        return sealWrites ? seal.seal(json) : json;
    }

    /** The event, opened when sealed; for running it. */
    public Event read(String stored) {
        if (seal == null && EventSeal.isSealed(stored)) {
            throw new EventSeal.SealException("A stored event is sealed and this runtime has no vault key to open it:"
                    + " set SWITCHBOARD_SECRETS_KEY or restore <data>/secrets.key");
        }
        String json = seal == null ? stored : seal.open(stored);
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
        String json;
        try {
            json = seal.open(stored);
        } catch (EventSeal.SealException e) {
            // listing dead letters must not fail on one sealed with another key: say so in its place
            return SEALED_WITH_ANOTHER_KEY;
        }
        Event event = Json.fromCloudEvent(Json.parse(json));
        return Json.write(Json.toCloudEvent(masker.mask(event).event()));
    }
}
