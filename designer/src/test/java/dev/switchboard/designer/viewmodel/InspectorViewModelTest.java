package dev.switchboard.designer.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.runtime.model.Node;
import org.junit.jupiter.api.Test;

class InspectorViewModelTest {
    private final DesignerViewModel vm = new DesignerViewModel(ConnectorCatalog.load(), Debouncer.IMMEDIATE);

    private FormViewModel formOf(String type) {
        String id = vm.addNode(type, 0, 0);
        vm.selection().select(id);
        return vm.inspector().form();
    }

    private Node node(String id) {
        return vm.flow().node(id).orElseThrow();
    }

    @Test
    void helpFollowsTheSelectionAndItsExpandedStateOutlivesIt() {
        assertThat(vm.inspector().helpProperty().get()).isNull();
        formOf("demo.webhook");
        assertThat(vm.inspector().helpProperty().get().getFirstChild()).isInstanceOf(org.commonmark.node.Heading.class);
        vm.inspector().helpExpandedProperty().set(false);

        formOf("demo.filter");
        assertThat(vm.inspector().helpProperty().get())
                .as("demo.filter has no help")
                .isNull();
        vm.selection().select("demo-webhook");
        assertThat(vm.inspector().helpProperty().get()).isNotNull();
        assertThat(vm.inspector().helpExpandedProperty().get()).isFalse();

        vm.selection().clear();
        assertThat(vm.inspector().helpProperty().get()).isNull();
    }

    @Test
    void formMarksRequiredFieldsAndPrefillsRequiredDefaults() {
        FormViewModel form = formOf("demo.http");
        assertThat(form.fields())
                .extracting(f -> f.spec().name())
                .containsExactly("url", "method", "headers", "body", "token", "timeout", "retries", "followRedirects");
        assertThat(form.field("url").orElseThrow().required()).isTrue();
        assertThat(form.field("headers").orElseThrow().required()).isFalse();
        assertThat(node("demo-http").config()).isEqualTo(ConfigValue.object("method", "POST"));
        assertThat(form.field("timeout").orElseThrow().prompt()).isEqualTo("10s");
        assertThat(form.field("followRedirects").orElseThrow().boolProperty().get())
                .isTrue();
    }

    @Test
    void enumFieldOffersItsOptionsAndWritesTheChoice() {
        FormViewModel form = formOf("demo.http");
        FieldViewModel method = form.field("method").orElseThrow();
        assertThat(method.editor()).isEqualTo(FieldViewModel.Editor.ENUM);
        assertThat(method.options()).containsExactly("GET", "POST", "PUT");
        method.textProperty().set("GET");
        assertThat(node("demo-http").config().values().get("method")).isEqualTo(ConfigValue.of("GET"));
    }

    @Test
    void visibleWhenHidesBodyForGet() {
        FormViewModel form = formOf("demo.http");
        assertThat(form.field("body").orElseThrow().visibleProperty().get()).isTrue();
        form.field("method").orElseThrow().textProperty().set("GET");
        assertThat(form.field("body").orElseThrow().visibleProperty().get()).isFalse();
    }

    @Test
    void secretFieldStoresAReferenceAndRefusesAnythingButAName() {
        FormViewModel form = formOf("demo.http");
        FieldViewModel token = form.field("token").orElseThrow();
        assertThat(token.editor()).isEqualTo(FieldViewModel.Editor.SECRET);

        token.textProperty().set("CRM_TOKEN");
        assertThat(node("demo-http").config().values().get("token")).isEqualTo(ConfigValue.of("{{secret:CRM_TOKEN}}"));
        assertThat(token.errorProperty().get()).isEmpty();

        token.textProperty().set("hunter2 is my password");
        assertThat(token.errorProperty().get()).contains("NAME");
        assertThat(node("demo-http").config().values().get("token")).isEqualTo(ConfigValue.of("{{secret:CRM_TOKEN}}"));
    }

    @Test
    void numberFieldRefusesANumberTooLongToWriteOut() {
        FieldViewModel retries = formOf("demo.http").field("retries").orElseThrow();

        retries.textProperty().set("1e999999999");

        assertThat(retries.errorProperty().get()).isEqualTo("Enter a number of at most 1000 digits");
        assertThat(node("demo-http").config().values()).doesNotContainKey("retries");
    }

    @Test
    void numberFieldRejectsTextAndIntegerFieldRejectsFractions() {
        FormViewModel form = formOf("demo.http");
        FieldViewModel retries = form.field("retries").orElseThrow();
        retries.textProperty().set("2.5");
        assertThat(retries.errorProperty().get()).isEqualTo("Enter a whole number");
        assertThat(node("demo-http").config().values()).doesNotContainKey("retries");
        retries.textProperty().set("3");
        assertThat(node("demo-http").config().values().get("retries")).isEqualTo(ConfigValue.of(3));
        assertThat(retries.errorProperty().get()).isEmpty();
    }

    @Test
    void clearingAFieldRemovesTheProperty() {
        FormViewModel form = formOf("demo.http");
        FieldViewModel url = form.field("url").orElseThrow();
        url.textProperty().set("http://127.0.0.1/x");
        url.textProperty().set("");
        assertThat(node("demo-http").config().values()).doesNotContainKey("url");
    }

    @Test
    void typingIntoOneFieldIsOneUndoStep() {
        FormViewModel form = formOf("demo.http");
        FieldViewModel url = form.field("url").orElseThrow();
        for (String prefix : new String[] {"h", "ht", "htt", "http"}) {
            url.textProperty().set(prefix);
        }
        vm.undo();
        assertThat(node("demo-http").config().values()).doesNotContainKey("url");
        assertThat(url.textProperty().get()).isEmpty();
        vm.redo();
        assertThat(url.textProperty().get()).isEqualTo("http");
    }

    @Test
    void keyValueRowsBecomeAnObject() {
        FormViewModel form = formOf("demo.http");
        FieldViewModel headers = form.field("headers").orElseThrow();
        headers.addRow();
        headers.rows().get(0).keyProperty().set("X-Source");
        headers.rows().get(0).valueProperty().set("{{data.customer.name}}");
        assertThat(node("demo-http").config().values().get("headers"))
                .isEqualTo(ConfigValue.object("X-Source", "{{data.customer.name}}"));
    }

    @Test
    void listItemsAreSubFormsWithAddAndRemove() {
        FormViewModel form = formOf("demo.filter");
        FieldViewModel rules = form.field("rules").orElseThrow();
        rules.addItem();
        rules.addItem();
        assertThat(rules.items()).hasSize(2);
        rules.items().get(1).field("field").orElseThrow().textProperty().set("data.score");
        assertThat(node("demo-filter").config().values().get("rules"))
                .isEqualTo(ConfigValue.list(ConfigValue.Fields.EMPTY, ConfigValue.object("field", "data.score")));
        rules.removeItem(0);
        assertThat(rules.items()).hasSize(1);
        assertThat(node("demo-filter").config().values().get("rules"))
                .isEqualTo(ConfigValue.list(ConfigValue.object("field", "data.score")));
    }

    @Test
    void templateFieldsSuggestPathsFromTheUpstreamTriggersSampleEvent() {
        String hook = vm.addNode("demo.webhook", 0, 0);
        String http = vm.addNode("demo.http", 300, 0);
        vm.connect(hook, "out", http);
        vm.selection().select(http);
        FieldViewModel url = vm.inspector().form().field("url").orElseThrow();
        assertThat(url.suggestions())
                .contains("{{data.customer.name}}", "{{data.score}}", "{{data.items[0].sku}}", "{{id}}");
        url.textProperty().set("http://x/");
        url.insertSuggestion("{{data.score}}", 9);
        assertThat(url.textProperty().get()).isEqualTo("http://x/{{data.score}}");
    }

    @Test
    void nodeNameAndIdAreEditable() {
        formOf("demo.http");
        vm.inspector().nodeNameProperty().set("Post lead");
        assertThat(node("demo-http").name()).isEqualTo("Post lead");
        vm.inspector().idTextProperty().set("Bad Id");
        assertThat(vm.inspector().applyId()).isFalse();
        assertThat(vm.inspector().idErrorProperty().get()).isNotEmpty();
        vm.inspector().idTextProperty().set("post-lead");
        assertThat(vm.inspector().applyId()).isTrue();
        assertThat(vm.flow().node("post-lead")).isPresent();
        assertThat(vm.selection().nodes()).containsExactly("post-lead");
    }
}
