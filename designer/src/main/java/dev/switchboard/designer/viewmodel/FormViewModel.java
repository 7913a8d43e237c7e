package dev.switchboard.designer.viewmodel;

import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A form over one config object: one {@link FieldViewModel} per property spec. Edits go out
 * through the sink as a whole new object plus the path of the field that changed (the undo
 * merge key); {@link #load} brings values in after any change of the document.
 */
public final class FormViewModel {
    private final List<FieldViewModel> fields;
    private ConfigValue.Fields value;
    private final BiConsumer<ConfigValue.Fields, String> sink;

    public FormViewModel(
            List<PropertySpec> specs,
            ConfigValue.Fields value,
            List<String> suggestions,
            BiConsumer<ConfigValue.Fields, String> sink) {
        this.value = value;
        this.sink = sink;
        this.fields = specs.stream()
                .map(s -> new FieldViewModel(s, suggestions, this::commit))
                .toList();
        load(value);
    }

    public List<FieldViewModel> fields() {
        return fields;
    }

    public Optional<FieldViewModel> field(String name) {
        return fields.stream().filter(f -> f.spec().name().equals(name)).findFirst();
    }

    public ConfigValue.Fields value() {
        return value;
    }

    public void load(ConfigValue.Fields newValue) {
        this.value = newValue == null ? ConfigValue.Fields.EMPTY : newValue;
        NodeConfig config = new NodeConfig(value);
        for (FieldViewModel f : fields) {
            f.load(value.values().get(f.spec().name()));
            f.setVisible(f.spec().appliesTo(config));
        }
    }

    /**
     * Shows validator messages, keyed by JSON pointer relative to this form's object
     * ({@code /url}, {@code /rules/0/op}); fields without a message are cleared.
     */
    public void showProblems(Map<String, String> byPointer) {
        for (FieldViewModel f : fields) {
            f.showProblems(byPointer, "/" + f.spec().name());
        }
    }

    private void commit(String name, ConfigValue newFieldValue, String path) {
        ConfigValue.Fields updated = newFieldValue == null ? value.without(name) : value.with(name, newFieldValue);
        if (!updated.equals(value)) {
            value = updated;
            NodeConfig config = new NodeConfig(value);
            fields.forEach(f -> f.setVisible(f.spec().appliesTo(config)));
            sink.accept(updated, path);
        }
    }
}
