package dev.switchboard.runtime.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.format.FlowCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example in docs/flow-format.md stays a structurally valid, canonically written flow. */
class FormatDocsTest {

    @Test
    void completeExampleInTheFormatDocsIsSchemaValidAndCanonical() throws Exception {
        String doc = Files.readString(Path.of(System.getProperty("basedir", ".")).resolve("../docs/flow-format.md"));
        int start = doc.indexOf("```json\n") + "```json\n".length();
        String example = doc.substring(start, doc.indexOf("```\n", start));

        assertThat(SchemaCheck.check(FlowCodec.parseTree(example))).isEmpty();
        assertThat(FlowCodec.write(FlowCodec.read(example))).isEqualTo(example);
    }
}
