package dev.switchboard.runtime.flowtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The test-file schema is published twice: in the jar (what the codec runs) and in docs/ (what test files link to). */
class PublishedFlowTestSchemaTest {

    @Test
    void docsCopyIsIdenticalToTheOneTheCodecUses() throws IOException {
        Path docsCopy = Path.of(System.getProperty("basedir", "."))
                .resolve("../docs/schema/flow-test.schema.json")
                .normalize();
        byte[] resource;
        try (InputStream in = FlowTestSchema.class.getResourceAsStream(FlowTestSchema.RESOURCE)) {
            assertThat(in).isNotNull();
            resource = in.readAllBytes();
        }

        assertThat(docsCopy).exists();
        assertThat(Files.readString(docsCopy))
                .as(
                        "docs/schema/flow-test.schema.json differs from runtime/src/main/resources%s; copy the resource over it",
                        FlowTestSchema.RESOURCE)
                .isEqualTo(new String(resource, StandardCharsets.UTF_8));
    }
}
