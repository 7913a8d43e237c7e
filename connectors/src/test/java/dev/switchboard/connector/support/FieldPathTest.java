package dev.switchboard.connector.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connector.spi.Event;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldPathTest {
    static final Event EVENT = new Event(
            "e-1",
            "/src",
            "com.example.t",
            Instant.parse("2026-11-28T10:15:30Z"),
            null,
            null,
            Json.parse("""
                    { "a": { "b": [ { "c": 1 }, { "c": 2 } ] }, "dotted.key": "yes", "with space": "ok", "n": null }"""),
            Map.of("traceparent", "00-abc"));

    static String look(String path) {
        return FieldPath.parse(path).lookup(EVENT).toString();
    }

    @Test
    void followsObjectsAndArrayIndexes() {
        assertThat(look("data.a.b[1].c")).isEqualTo("2");
        assertThat(look("data.a.b[0]")).isEqualTo("{\"c\":1}");
        assertThat(look("data.a.b")).isEqualTo("[{\"c\":1},{\"c\":2}]");
    }

    @Test
    void quotedKeysReachNamesWithDotsAndSpaces() {
        assertThat(look("data['dotted.key']")).isEqualTo("\"yes\"");
        assertThat(look("data[\"with space\"]")).isEqualTo("\"ok\"");
    }

    @Test
    void missingStepsGiveAMissingNodeNotAnError() {
        assertThat(FieldPath.parse("data.x.y.z").lookup(EVENT).isMissingNode()).isTrue();
        assertThat(FieldPath.parse("data.a.b[5].c").lookup(EVENT).isMissingNode())
                .isTrue();
        assertThat(FieldPath.parse("data.a.b.c").lookup(EVENT).isMissingNode())
                .as("a field of an array")
                .isTrue();
        assertThat(FieldPath.parse("subject").lookup(EVENT).isMissingNode()).isTrue();
        assertThat(FieldPath.parse("data.n").lookup(EVENT).isNull())
                .as("null is present")
                .isTrue();
    }

    @Test
    void readsCloudEventAttributesAndExtensions() {
        assertThat(look("id")).isEqualTo("\"e-1\"");
        assertThat(look("type")).isEqualTo("\"com.example.t\"");
        assertThat(look("time")).isEqualTo("\"2026-11-28T10:15:30Z\"");
        assertThat(look("traceparent")).isEqualTo("\"00-abc\"");
        assertThat(FieldPath.parse("traceparent").hasKnownRoot()).isFalse();
        assertThat(FieldPath.parse("data.x").hasKnownRoot()).isTrue();
    }

    @Test
    void rejectsMalformedPathsWithTheReason() {
        assertThatThrownBy(() -> FieldPath.parse(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> FieldPath.parse("data..x")).hasMessageContaining("empty segment");
        assertThatThrownBy(() -> FieldPath.parse("data.items[0")).hasMessageContaining("without ']'");
        assertThatThrownBy(() -> FieldPath.parse("data.items[x]")).hasMessageContaining("not an array index");
        assertThatThrownBy(() -> FieldPath.parse("[0]")).hasMessageContaining("must start with a field name");
    }
}
