package dev.switchboard.connector.filewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineFormatTest {
    static final Event EVENT = Event.create(
            "/src",
            "com.example.order",
            Json.parse("{\"id\": 7, \"note\": \"line one\\nline \\\"two\\\", end\", \"email\": \"a@b.c\"}"));

    static LineFormat format(Object... config) {
        List<ConfigProblem> problems = new ArrayList<>();
        LineFormat format = LineFormat.read(NodeConfig.of(config), problems);
        assertThat(problems).isEmpty();
        return format;
    }

    @Test
    void jsonLinesWriteTheDataByDefaultOnOneLine() {
        String line = format().line(EVENT);
        assertThat(line).doesNotContain("\n");
        assertThat(Json.parse(line)).isEqualTo(EVENT.data());
        assertThat(format().header()).isNull();
    }

    @Test
    void jsonLinesCanWriteTheWholeCloudEvent() {
        String line = format("format", "jsonl", "content", "event").line(EVENT);
        assertThat(Json.fromCloudEvent(Json.parse(line))).isEqualTo(EVENT);
        assertThat(Json.parse(line).get("specversion").asText()).isEqualTo("1.0");
    }

    @Test
    void csvWritesAHeaderAndEscapedRows() {
        LineFormat csv = format(
                "format",
                "csv",
                "columns",
                ConfigValue.object(
                        "id",
                        "{{data.id}}",
                        "note",
                        "{{data.note}}",
                        "email, lower",
                        "{{data.email | upper}}",
                        "missing",
                        "{{data.nope}}"));
        assertThat(csv.header()).isEqualTo("id,note,\"email, lower\",missing");
        assertThat(csv.line(EVENT)).isEqualTo("7,\"line one\nline \"\"two\"\", end\",A@B.C,");
    }

    @Test
    void csvWithoutColumnsAndUnknownFormatsAreProblems() {
        List<ConfigProblem> problems = new ArrayList<>();
        LineFormat.read(NodeConfig.of("format", "csv"), problems);
        LineFormat.read(NodeConfig.of("format", "xml"), problems);
        LineFormat.read(NodeConfig.of("format", "jsonl", "content", "all"), problems);
        assertThat(problems).extracting(ConfigProblem::pointer).containsExactly("/columns", "/format", "/content");
    }
}
