package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.connector.spi.config.ConfigValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What one Node-RED node becomes. */
sealed interface Mapping {

    /**
     * One Switchboard node, or several copies of it sharing its wires (a link out to several link
     * ins publishes to each one's topic).
     *
     * @param outputPorts per Node-RED output, in order, the Switchboard port it becomes (null: {@code out})
     * @param notes where the conversion is approximate: what behaves differently
     */
    record Converted(
            String type,
            List<ConfigValue.Fields> configs,
            List<String> outputPorts,
            List<String> notes,
            boolean disabled)
            implements Mapping {
        public Converted {
            configs = List.copyOf(configs);
            outputPorts = Collections.unmodifiableList(new ArrayList<>(outputPorts)); // null is "out"
            notes = List.copyOf(notes);
        }

        Converted withNote(String note) {
            List<String> more = new ArrayList<>(notes);
            more.add(note);
            return new Converted(type, configs, outputPorts, more, disabled);
        }

        /** Kept, but disabled, as it was switched off in Node-RED. */
        Converted switchedOff(String note) {
            return new Converted(type, configs, outputPorts, notes, true).withNote(note);
        }
    }

    /** Not needed in Switchboard, or nothing to place: left out, with the reason. */
    record Dropped(String reason) implements Mapping {}

    /** No equivalent: placed as a disabled node keeping the original, with the reason. */
    record Placeholder(String reason) implements Mapping {}

    static Converted converted(String type, ConfigValue.Fields config, String... notes) {
        return converted(type, List.of(config), List.of(notes));
    }

    /** Copies of one node with one output, {@code out}. */
    static Converted converted(String type, List<ConfigValue.Fields> configs, List<String> notes) {
        return new Converted(type, configs, Collections.singletonList(null), notes, false);
    }
}
