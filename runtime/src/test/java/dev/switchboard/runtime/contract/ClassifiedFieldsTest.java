package dev.switchboard.runtime.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.format.FlowCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifiedFieldsTest {
    @TempDir
    Path dir;

    @Test
    void collectsNestedObjectsAndArrayItemsAsMaskPaths() throws Exception {
        Map<String, Set<String>> found = ClassifiedFields.of(FlowCodec.parseTree("""
                {"type": "object",
                 "properties": {
                   "id": {"type": "string"},
                   "customer": {"type": "object", "properties": {
                     "email": {"type": "string", "x-classification": "pii"},
                     "address": {"type": "object", "x-classification": "pii",
                                 "properties": {"zip": {"type": "string", "x-classification": "internal"}}}}},
                   "items": {"type": "array", "items": {"type": "object", "properties": {
                     "card": {"type": "string", "x-classification": "pci"},
                     "tags": {"type": "array", "items": {"type": "string", "x-classification": "internal"}}}}},
                   "contact": {"oneOf": [{"type": "object", "properties": {
                     "phone": {"type": "string", "x-classification": "pii"}}}]}
                 }}"""));

        assertThat(found)
                .containsOnlyKeys("pii", "pci", "internal")
                .containsEntry("pii", Set.of("data.customer.email", "data.customer.address", "data.contact.phone"))
                .containsEntry("pci", Set.of("data.items[*].card"))
                .containsEntry("internal", Set.of("data.customer.address.zip", "data.items[*].tags[*]"));
    }

    @Test
    void refsAreNotFollowedAndTheRootIsNotAField() throws Exception {
        Map<String, Set<String>> found = ClassifiedFields.of(FlowCodec.parseTree("""
                {"type": "object", "x-classification": "pii",
                 "$defs": {"email": {"type": "string", "x-classification": "pii"}},
                 "properties": {"email": {"$ref": "#/$defs/email"}, "odd.name": {"x-classification": "pii"}}}"""));

        // annotate the field where the schema names it: $ref targets and $defs are not walked
        assertThat(found).isEmpty();
    }

    @Test
    void readsEverySubjectAndEveryVersionOfARegistry() throws Exception {
        write("orders/1.schema.json", """
                {"type": "object", "properties": {"email": {"type": "string", "x-classification": "pii"}}}""");
        write("orders/2.schema.json", """
                {"type": "object", "properties": {
                  "customer": {"type": "object", "properties": {"email": {"type": "string", "x-classification": "pii"}}}}}""");
        write("payments/1.schema.json", """
                {"type": "object", "properties": {"card": {"type": "string", "x-classification": "pci"},
                 "payer": {"type": "string", "x-classification": "pii"}}}""");

        Map<String, Set<String>> found = ClassifiedFields.collect(new SchemaRegistry(dir));

        assertThat(found)
                .containsOnlyKeys("pci", "pii")
                .containsEntry("pii", Set.of("data.email", "data.customer.email", "data.payer"))
                .containsEntry("pci", Set.of("data.card"));
    }

    @Test
    void anEmptyOrMissingRegistryClassifiesNothing() throws Exception {
        assertThat(ClassifiedFields.collect(new SchemaRegistry(dir.resolve("missing"))))
                .isEmpty();
    }

    private void write(String path, String text) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
