package dev.switchboard.designer.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import dev.switchboard.runtime.model.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample event the user last injected into each trigger, remembered across sessions in the
 * data folder, and how an edited sample becomes an {@link Event}.
 */
public final class InjectSamples {
    private static final Logger LOG = LoggerFactory.getLogger(InjectSamples.class);
    static final String DEFAULT_TYPE = "switchboard.designer.injected";

    private final Path file;
    private final Map<String, String> byTrigger = new LinkedHashMap<>();

    /** @param file where samples are kept; null keeps them in memory only */
    public InjectSamples(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try {
                byTrigger.putAll(Json.MAPPER.readValue(file.toFile(), new TypeReference<Map<String, String>>() {}));
            } catch (IOException e) {
                LOG.warn("Ignoring unreadable inject samples {}: {}", file, e.getMessage());
            }
        }
    }

    public static InjectSamples in(Path dataFolder) {
        return new InjectSamples(dataFolder.resolve("designer").resolve("inject-samples.json"));
    }

    public synchronized Optional<String> remembered(String flowId, String nodeId) {
        return Optional.ofNullable(byTrigger.get(key(flowId, nodeId)));
    }

    public synchronized void remember(String flowId, String nodeId, String text) {
        byTrigger.put(key(flowId, nodeId), text);
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(byTrigger));
        } catch (IOException e) {
            LOG.warn("Could not remember the inject sample in {}: {}", file, e.getMessage());
        }
    }

    private static String key(String flowId, String nodeId) {
        return flowId + "/" + nodeId;
    }

    /**
     * Turns edited sample text into an event for {@code trigger}. A CloudEvents object (with
     * {@code specversion}) is taken as it is (a fresh id if it has none); anything else is the
     * event's data, wrapped in a fresh event of the trigger's type (its {@code eventType} setting, else
     * {@code triggerDefaultType}, the connector's default for it).
     *
     * @throws IllegalArgumentException when the text is not JSON, with where it broke
     */
    public static Event toEvent(String text, String flowId, Node trigger, String triggerDefaultType) {
        JsonNode json;
        try {
            json = Json.parse(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw e.getCause() instanceof JsonProcessingException j && j.getLocation() != null
                    ? new IllegalArgumentException(
                            e.getMessage() + " (line " + j.getLocation().getLineNr() + ", column "
                                    + j.getLocation().getColumnNr() + ")",
                            e)
                    : e;
        }
        if (json == null || json.isMissingNode()) {
            throw new IllegalArgumentException("The sample is empty: write the event's data as JSON");
        }
        if (json.isObject() && json.has("specversion")) {
            Event event = Json.fromCloudEvent(json);
            return event.id().isBlank()
                    ? new Event(
                            Event.newId(),
                            event.source(),
                            event.type(),
                            event.time(),
                            event.subject(),
                            event.dataContentType(),
                            event.data(),
                            event.extensions())
                    : event;
        }
        // the source the trigger itself would give it, so the flow cannot tell an injected event apart
        String source = "/switchboard/flows/" + flowId + "/" + trigger.id();
        var type = trigger.config().values().get("eventType");
        String eventType = type instanceof dev.switchboard.connector.spi.config.ConfigValue.Text t
                        && !t.value().isBlank()
                ? t.value()
                : triggerDefaultType != null && !triggerDefaultType.isBlank() ? triggerDefaultType : DEFAULT_TYPE;
        return new Event(Event.newId(), source, eventType, Instant.now(), null, "application/json", json, Map.of());
    }
}
