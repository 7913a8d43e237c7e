package dev.switchboard.runtime.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The schema is published twice: in the jar (what the validator uses) and in docs/ (what people link to). */
class PublishedSchemaTest {

    @Test
    void docsCopyOfTheSchemaIsIdenticalToTheOneTheValidatorUses() throws IOException {
        Path moduleDir = Path.of(System.getProperty("basedir", "."));
        Path docsCopy = moduleDir.resolve("../docs/schema/flow.schema.json").normalize();
        byte[] resource;
        try (InputStream in = SchemaCheck.class.getResourceAsStream(SchemaCheck.RESOURCE)) {
            assertThat(in).isNotNull();
            resource = in.readAllBytes();
        }

        assertThat(docsCopy).exists();
        assertThat(new String(Files.readAllBytes(docsCopy), StandardCharsets.UTF_8))
                .as(
                        "docs/schema/flow.schema.json differs from runtime/src/main/resources%s; copy the resource over it",
                        SchemaCheck.RESOURCE)
                .isEqualTo(new String(resource, StandardCharsets.UTF_8));
    }
}
