package dev.switchboard.designer.view;

import dev.switchboard.designer.viewmodel.FieldViewModel;
import dev.switchboard.designer.viewmodel.FormViewModel;
import dev.switchboard.designer.viewmodel.KeyValueRow;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Builds the control for each kind of field; all behaviour lives in {@link FieldViewModel}. */
final class FieldEditors {
    private FieldEditors() {}

    /** A labelled field: title (with * when required), the editor, help text and inline error. */
    static VBox field(FieldViewModel f, String idPrefix, Consumer<Node> register) {
        Label label = new Label(f.title());
        label.getStyleClass().add(Styles.FIELD_LABEL);
        HBox titleRow = new HBox(4, label);
        if (f.required()) {
            Label star = new Label("*");
            star.getStyleClass().add(Styles.FIELD_REQUIRED);
            Tooltip.install(star, new Tooltip("Required"));
            titleRow.getChildren().add(star);
        }
        Node editor = editor(f, idPrefix + f.spec().name(), register);
        VBox box = new VBox(titleRow, editor);
        box.getStyleClass().add(Styles.FIELD);
        if (!f.spec().description().isEmpty()) {
            Label help = new Label(f.spec().description());
            help.getStyleClass().add(Styles.FIELD_HELP);
            help.setWrapText(true);
            box.getChildren().add(help);
        }
        Label error = new Label();
        error.getStyleClass().add(Styles.FIELD_ERROR);
        error.setWrapText(true);
        error.textProperty().bind(f.errorProperty());
        // the line is always there, empty when the value is fine: fields below never jump as you type
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.setId(idPrefix + f.spec().name() + "-error");
        box.getChildren().add(error);
        f.errorProperty().addListener((obs, o, n) -> toggleInvalid(editor, !n.isEmpty()));
        toggleInvalid(editor, !f.errorProperty().get().isEmpty());
        box.visibleProperty().bind(f.visibleProperty());
        box.managedProperty().bind(f.visibleProperty());
        return box;
    }

    private static void toggleInvalid(Node editor, boolean invalid) {
        editor.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), invalid);
    }

    private static Node editor(FieldViewModel f, String id, Consumer<Node> register) {
        Node control;
        switch (f.editor()) {
            case BOOLEAN: {
                CheckBox box = new CheckBox(f.title());
                box.selectedProperty().bindBidirectional(f.boolProperty());
                control = box;
                break;
            }
            case ENUM: {
                ComboBox<String> combo = new ComboBox<>();
                combo.getItems().setAll(f.options());
                combo.setMaxWidth(Double.MAX_VALUE);
                combo.setPromptText(dev.switchboard.designer.model.OptionWords.label(f.spec(), f.prompt()));
                // flow files keep the codes (gt); the list says what they mean (greater than)
                combo.setConverter(new javafx.util.StringConverter<>() {
                    @Override
                    public String toString(String option) {
                        return dev.switchboard.designer.model.OptionWords.label(f.spec(), option);
                    }

                    @Override
                    public String fromString(String text) {
                        return dev.switchboard.designer.model.OptionWords.option(f.spec(), text);
                    }
                });
                // an empty text is "no value" so the combo shows its prompt (the default)
                combo.setValue(
                        f.textProperty().get().isEmpty()
                                ? null
                                : f.textProperty().get());
                combo.valueProperty().addListener((obs, o, n) -> {
                    if (!java.util.Objects.equals(
                            n == null ? "" : n, f.textProperty().get())) {
                        f.textProperty().set(n == null ? "" : n);
                    }
                });
                f.textProperty().addListener((obs, o, n) -> combo.setValue(n == null || n.isEmpty() ? null : n));
                control = combo;
                break;
            }
            case MULTILINE: {
                TextArea area = new TextArea();
                area.setWrapText(true);
                area.setPrefRowCount(3);
                if (f.spec().type() == dev.switchboard.connector.spi.PropertyType.JSON) {
                    area.getStyleClass().add(Styles.CODE);
                }
                area.setId(id);
                register.accept(area);
                return withSuggestions(text(area, f), f);
            }
            case SECRET: {
                TextField name = new TextField();
                HBox row = new HBox(6, Icons.of(Feather.LOCK), text(name, f));
                row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                HBox.setHgrow(name, Priority.ALWAYS);
                Tooltip.install(
                        name,
                        new Tooltip(
                                "The NAME of a secret: stored as {{secret:NAME}}; "
                                        + "the value comes from secrets.env, the vault (switchboard secrets set) or the environment at run time"));
                if (name.getPromptText().isEmpty()) {
                    name.setPromptText("SECRET_NAME");
                }
                name.setId(id);
                register.accept(name);
                return row;
            }
            case KEY_VALUE:
                control = keyValue(f, id);
                break;
            case LIST:
                control = list(f, id, register);
                break;
            default:
                if (!f.fieldPaths().isEmpty()) {
                    control = fieldPicker(f);
                    break;
                }
                TextField field = new TextField();
                field.setId(id);
                register.accept(field);
                return withSuggestions(text(field, f), f);
        }
        if (control.getId() == null) {
            control.setId(id);
        }
        register.accept(control);
        return control;
    }

    /** An editable list of the upstream event's fields: pick one, or type any path. */
    private static ComboBox<String> fieldPicker(FieldViewModel f) {
        ComboBox<String> combo = new ComboBox<>();
        combo.setEditable(true);
        combo.getItems().setAll(f.fieldPaths());
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.setVisibleRowCount(12);
        text(combo.getEditor(), f);
        combo.setPromptText(combo.getEditor().getPromptText());
        combo.valueProperty().addListener((obs, o, n) -> {
            if (n != null && !n.equals(f.textProperty().get())) {
                f.textProperty().set(n);
            }
        });
        return combo;
    }

    private static TextInputControl text(TextInputControl input, FieldViewModel f) {
        input.setPromptText(f.prompt());
        input.textProperty().bindBidirectional(f.textProperty());
        return input;
    }

    /** A text input with a menu of {{data.x}} look-ups from the upstream trigger's sample event. */
    private static Node withSuggestions(TextInputControl input, FieldViewModel f) {
        if (f.suggestions().isEmpty()) {
            return input;
        }
        MenuButton menu = new MenuButton(null, Icons.of(Feather.CODE));
        menu.setTooltip(new Tooltip("Insert a field of the incoming event"));
        menu.getStyleClass().add(Styles.SUGGESTIONS);
        menu.setId(input.getId() + "-suggestions");
        for (String s : f.suggestions()) {
            MenuItem item = new MenuItem(s);
            item.setOnAction(e -> {
                int caret = f.insertSuggestion(s, input.getCaretPosition());
                input.requestFocus();
                input.positionCaret(caret);
            });
            menu.getItems().add(item);
        }
        return new WrappedInput(input, menu);
    }

    private static Node keyValue(FieldViewModel f, String id) {
        VBox rows = new VBox(4);
        Runnable render = () -> {
            rows.getChildren().clear();
            for (KeyValueRow r : f.rows()) {
                TextField key = new TextField();
                key.setPromptText("name");
                key.setPrefColumnCount(7);
                key.textProperty().bindBidirectional(r.keyProperty());
                TextField value = new TextField();
                value.setPromptText("value");
                value.textProperty().bindBidirectional(r.valueProperty());
                Button remove = new Button(null, Icons.of(Feather.X));
                remove.setTooltip(new Tooltip("Remove this row"));
                remove.setOnAction(e -> f.removeRow(r));
                HBox.setHgrow(value, Priority.ALWAYS);
                rows.getChildren().add(new HBox(4, key, value, remove));
            }
            Button add = new Button("Add", Icons.of(Feather.PLUS));
            add.setId(id + "-add");
            add.setOnAction(e -> f.addRow());
            rows.getChildren().add(add);
        };
        f.rows().addListener((ListChangeListener<KeyValueRow>) c -> render.run());
        render.run();
        return rows;
    }

    private static Node list(FieldViewModel f, String id, Consumer<Node> register) {
        VBox box = new VBox(8);
        Runnable render = () -> {
            box.getChildren().clear();
            for (int i = 0; i < f.items().size(); i++) {
                FormViewModel item = f.items().get(i);
                int index = i;
                Label title = new Label(singular(f.title()) + " " + (i + 1));
                title.getStyleClass().add(Styles.MUTED);
                Button remove = new Button(null, Icons.of(Feather.TRASH_2));
                remove.setTooltip(new Tooltip("Remove"));
                remove.setId(id + "-" + i + "-remove");
                remove.setOnAction(e -> f.removeItem(index));
                javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                VBox itemBox = new VBox(new HBox(title, spacer, remove));
                itemBox.getStyleClass().add(Styles.LIST_ITEM);
                for (FieldViewModel sub : item.fields()) {
                    itemBox.getChildren().add(field(sub, id + "-" + i + "-", register));
                }
                box.getChildren().add(itemBox);
            }
            Button add =
                    new Button("Add " + singular(f.title()).toLowerCase(java.util.Locale.ROOT), Icons.of(Feather.PLUS));
            add.setId(id + "-add");
            add.setOnAction(e -> f.addItem());
            box.getChildren().add(add);
        };
        f.items().addListener((ListChangeListener<FormViewModel>) c -> render.run());
        render.run();
        return box;
    }

    /** "Rules" → "Rule": a list's title names its items in the plural, one item is one of them. */
    static String singular(String plural) {
        if (plural.endsWith("ies") && plural.length() > 3) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        if (plural.matches(".*(ches|shes|xes|sses)")) {
            return plural.substring(0, plural.length() - 2);
        }
        if (plural.endsWith("s") && !plural.endsWith("ss") && plural.length() > 1) {
            return plural.substring(0, plural.length() - 1);
        }
        return plural;
    }

    /** A text input inside a row with extras; focusing the row focuses the input. */
    static final class WrappedInput extends HBox {
        private final TextInputControl input;

        WrappedInput(TextInputControl input, MenuButton menu) {
            super(input, menu);
            this.input = input;
            setSpacing(4);
            HBox.setHgrow(input, Priority.ALWAYS);
        }

        @Override
        public void requestFocus() {
            input.requestFocus();
        }
    }
}
