package dev.switchboard.runtime.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.model.Flow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flow files must stay diffable: what Switchboard wrote, read back and written again, gives the
 * same bytes. The fixtures are canonical (the writer's own layout) and cover nested objects, lists,
 * decimals with trailing zeros, unicode, escapes, empty arrays and objects, and absent optional fields.
 */
class FlowCodecRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {"everything", "minimal", "empty-config"})
    void writingWhatWasReadGivesTheSameBytes(String fixture) throws Exception {
        String text = read("/roundtrip/" + fixture + ".flow.json");

        assertThat(FlowCodec.write(FlowCodec.read(text))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"everything", "minimal", "empty-config"})
    void writeIsIdempotent(String fixture) throws Exception {
        Flow flow = FlowCodec.read(read("/roundtrip/" + fixture + ".flow.json"));
        String once = FlowCodec.write(flow);

        assertThat(FlowCodec.write(FlowCodec.read(once))).isEqualTo(once);
        assertThat(FlowCodec.read(once)).isEqualTo(flow);
    }

    @ParameterizedTest
    @ValueSource(strings = {"compact"})
    void nonCanonicalLayoutIsNormalisedOnceAndThenStable(String fixture) throws Exception {
        String text = read("/roundtrip/" + fixture + ".json");
        String canonical = FlowCodec.write(FlowCodec.read(text));

        assertThat(canonical).isNotEqualTo(text).endsWith("}\n").contains("\"ratio\": 1.50");
        assertThat(FlowCodec.write(FlowCodec.read(canonical))).isEqualTo(canonical);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = FlowCodecRoundTripTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
