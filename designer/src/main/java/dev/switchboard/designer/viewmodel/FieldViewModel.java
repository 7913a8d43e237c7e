package dev.switchboard.designer.viewmodel;

import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.ConfigValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * One property of a connector as a form field. The view picks a control by {@link #editor()};
 * the user's input arrives in {@link #textProperty()}, {@link #boolProperty()}, {@link #rows()}
 * or {@link #items()}, is checked and converted here, then committed as a config value.
 */
public final class FieldViewModel {

    /** The kind of control a field needs. */
    public enum Editor {
        TEXT,
        MULTILINE,
        NUMBER,
        BOOLEAN,
        ENUM,
        SECRET,
        KEY_VALUE,
        LIST
    }

    /** Receives a field's new value (null: remove it) and the path of what changed. */
    @FunctionalInterface
    interface Committer {
        void commit(String name, ConfigValue value, String path);
    }

    private final PropertySpec spec;
    private final List<String> suggestions;
    private final Committer committer;
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty bool = new SimpleBooleanProperty();
    private final ObservableList<KeyValueRow> rows = FXCollections.observableArrayList();
    private final ObservableList<FormViewModel> items = FXCollections.observableArrayList();
    // one wrapper for all callers: unmodifiable wrappers hold their source weakly, so a fresh one per call can lose
    // listeners
    private final ObservableList<FormViewModel> readOnlyItems = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanProperty visible = new SimpleBooleanProperty(true);
    private String localError = "";
    private String problemError = "";
    private boolean loading;

    FieldViewModel(PropertySpec spec, List<String> suggestions, Committer committer) {
        this.spec = spec;
        this.suggestions = suggestions;
        this.committer = committer;
        text.addListener((obs, old, now) -> {
            if (!loading) {
                commitText();
            }
        });
        bool.addListener((obs, old, now) -> {
            if (!loading) {
                committer.commit(spec.name(), ConfigValue.of(now), path());
            }
        });
        rows.addListener((ListChangeListener<KeyValueRow>) c -> {
            if (!loading) {
                commitRows();
            }
        });
    }

    public PropertySpec spec() {
        return spec;
    }

    public String title() {
        return spec.title();
    }

    public boolean required() {
        return spec.required();
    }

    public List<String> options() {
        return spec.options();
    }

    /** Template field look-ups from the upstream trigger's sample event ({@code {{data.x}}}). */
    public List<String> suggestions() {
        return spec.type() == PropertyType.TEMPLATE || spec.type() == PropertyType.KEY_VALUE ? suggestions : List.of();
    }

    /**
     * For a field that names a place in the event (a rule's {@code field}): the paths of the
     * upstream trigger's sample event, e.g. {@code data.amount}, to pick from or type over.
     */
    public List<String> fieldPaths() {
        boolean namesAPath = editor() == Editor.TEXT
                && (spec.name().equals("field") || spec.placeholder().startsWith("data."));
        if (!namesAPath) {
            return List.of();
        }
        return suggestions.stream()
                .map(s -> s.replaceAll("^\\{\\{|\\}\\}$", ""))
                .toList();
    }

    public Editor editor() {
        if (spec.secret()) {
            return Editor.SECRET;
        }
        switch (spec.type()) {
            case TEMPLATE:
            case JSON:
                return Editor.MULTILINE;
            case NUMBER:
            case INTEGER:
                return Editor.NUMBER;
            case BOOLEAN:
                return Editor.BOOLEAN;
            case ENUM:
                return Editor.ENUM;
            case KEY_VALUE:
                return Editor.KEY_VALUE;
            case LIST:
                return Editor.LIST;
            default:
                return Editor.TEXT;
        }
    }

    /**
     * What an empty field shows: the spec's placeholder as an example ("e.g. …", so it does not
     * pass for a value), else its default.
     */
    public String prompt() {
        if (!spec.placeholder().isEmpty()) {
            if (editor() == Editor.ENUM) {
                return spec.placeholder();
            }
            // a secret field takes the secret's NAME, so its example is a name too
            String example = editor() == Editor.SECRET
                    ? SecretReference.name(spec.placeholder()).orElse(spec.placeholder())
                    : spec.placeholder();
            return "e.g. " + example;
        }
        ConfigValue d = spec.defaultValue();
        return d == null || d instanceof ConfigValue.Null ? "" : ConfigText.of(d);
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty boolProperty() {
        return bool;
    }

    public ObservableList<KeyValueRow> rows() {
        return rows;
    }

    public ObservableList<FormViewModel> items() {
        return readOnlyItems;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    void setVisible(boolean v) {
        visible.set(v);
    }

    public void addRow() {
        KeyValueRow row = new KeyValueRow("", "");
        watch(row);
        rows.add(row);
    }

    public void removeRow(KeyValueRow row) {
        rows.remove(row);
    }

    public void addItem() {
        List<ConfigValue> list = new ArrayList<>(currentItems());
        Map<String, ConfigValue> defaults = new LinkedHashMap<>();
        spec.items().stream()
                .filter(i -> i.defaultValue() != null)
                .forEach(i -> defaults.put(i.name(), i.defaultValue()));
        list.add(new ConfigValue.Fields(defaults));
        committer.commit(spec.name(), new ConfigValue.Items(list), path() + "/" + (list.size() - 1));
    }

    public void removeItem(int index) {
        List<ConfigValue> list = new ArrayList<>(currentItems());
        list.remove(index);
        committer.commit(spec.name(), list.isEmpty() && !spec.required() ? null : new ConfigValue.Items(list), path());
    }

    /** Inserts a suggestion at the caret; returns the caret position after it. */
    public int insertSuggestion(String suggestion, int caret) {
        String t = text.get() == null ? "" : text.get();
        int at = Math.max(0, Math.min(caret, t.length()));
        text.set(t.substring(0, at) + suggestion + t.substring(at));
        return at + suggestion.length();
    }

    void load(ConfigValue value) {
        loading = true;
        try {
            switch (editor()) {
                case BOOLEAN:
                    ConfigValue b = value != null ? value : spec.defaultValue();
                    bool.set(b instanceof ConfigValue.Bool v && v.value());
                    break;
                case KEY_VALUE:
                    loadRows(value);
                    break;
                case LIST:
                    loadItems(value);
                    break;
                default:
                    if (value == null || !value.equals(convertText().value)) {
                        text.set(value == null ? "" : toText(value));
                    }
                    setLocalError(convertText().error);
            }
        } finally {
            loading = false;
        }
    }

    void showProblems(Map<String, String> byPointer, String pointer) {
        problemError = byPointer.getOrDefault(pointer, "");
        if (editor() == Editor.LIST) {
            for (int i = 0; i < items.size(); i++) {
                String prefix = pointer + "/" + i;
                Map<String, String> sub = new LinkedHashMap<>();
                byPointer.forEach((k, v) -> {
                    if (k.startsWith(prefix + "/")) {
                        sub.put(k.substring(prefix.length()), v);
                    }
                });
                items.get(i).showProblems(sub);
            }
        }
        updateError();
    }

    private String path() {
        return "/" + spec.name();
    }

    private String toText(ConfigValue value) {
        if (editor() == Editor.SECRET && value instanceof ConfigValue.Text t) {
            return SecretReference.name(t.value()).orElse(t.value());
        }
        return ConfigText.of(value);
    }

    private void commitText() {
        Converted c = convertText();
        setLocalError(c.error);
        if (c.error.isEmpty() || c.commitAnyway) {
            committer.commit(spec.name(), c.value, path());
        }
    }

    private Converted convertText() {
        String t = text.get() == null ? "" : text.get();
        if (t.isBlank()) {
            return new Converted(null, "", true);
        }
        return ConfigText.parse(spec, editor() == Editor.SECRET, t);
    }

    private void setLocalError(String message) {
        localError = message;
        updateError();
    }

    private void updateError() {
        error.set(!localError.isEmpty() ? localError : problemError);
    }

    private void loadRows(ConfigValue value) {
        if (value != null && value.equals(rowsValue())) {
            return;
        }
        rows.clear();
        if (value instanceof ConfigValue.Fields f) {
            f.values().forEach((k, v) -> {
                KeyValueRow row = new KeyValueRow(k, ConfigText.of(v));
                watch(row);
                rows.add(row);
            });
        }
    }

    private void watch(KeyValueRow row) {
        row.keyProperty().addListener((obs, o, n) -> {
            if (!loading) {
                commitRows();
            }
        });
        row.valueProperty().addListener((obs, o, n) -> {
            if (!loading) {
                commitRows();
            }
        });
    }

    private ConfigValue.Fields rowsValue() {
        Map<String, ConfigValue> map = new LinkedHashMap<>();
        rows.stream()
                .filter(r -> !r.keyProperty().get().isBlank())
                .forEach(r -> map.put(
                        r.keyProperty().get().strip(),
                        ConfigValue.of(r.valueProperty().get())));
        return new ConfigValue.Fields(map);
    }

    private void commitRows() {
        ConfigValue.Fields v = rowsValue();
        committer.commit(spec.name(), v.values().isEmpty() ? null : v, path());
    }

    private List<ConfigValue> currentItems() {
        return items.stream().map(f -> (ConfigValue) f.value()).toList();
    }

    private void loadItems(ConfigValue value) {
        List<ConfigValue> list = value instanceof ConfigValue.Items i ? i.values() : List.of();
        if (list.size() == items.size()) {
            for (int i = 0; i < list.size(); i++) {
                items.get(i).load(list.get(i) instanceof ConfigValue.Fields f ? f : ConfigValue.Fields.EMPTY);
            }
            return;
        }
        List<FormViewModel> forms = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            int index = i;
            forms.add(new FormViewModel(
                    spec.items(),
                    list.get(i) instanceof ConfigValue.Fields f ? f : ConfigValue.Fields.EMPTY,
                    suggestions,
                    (itemValue, itemPath) -> {
                        List<ConfigValue> updated = new ArrayList<>(currentItems());
                        updated.set(index, itemValue);
                        committer.commit(spec.name(), new ConfigValue.Items(updated), path() + "/" + index + itemPath);
                    }));
        }
        items.setAll(forms);
    }

    /** A converted text: the value, an error message ("" when fine), and whether to commit despite it. */
    record Converted(ConfigValue value, String error, boolean commitAnyway) {}
}
