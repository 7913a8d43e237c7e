package dev.switchboard.connector.filewatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connector.spi.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileParserTest {

    @Test
    void csvWithSemicolonsAndAByteOrderMarkReadsHeaderAsFieldNames() {
        List<Event> events = new FileParser("/src", "csv", ';').parse("x.csv", "\uFEFFname;city\nAda;London\n");
        assertThat(events)
                .singleElement()
                .satisfies(e -> assertThat(e.data().toString()).isEqualTo("{\"name\":\"Ada\",\"city\":\"London\"}"));
    }

    @Test
    void csvRowWithTooFewValuesNamesTheLine() {
        assertThatThrownBy(() -> new FileParser("/src", "csv", ',').parse("x.csv", "a,b\n1,2\n3\n"))
                .hasMessageContaining("x.csv line 3: 1 values, but the header names 2 columns");
    }

    @Test
    void jsonFileIsOneEvent() {
        assertThat(new FileParser("/src", "json", ',').parse("o.json", "[1, 2]"))
                .singleElement()
                .satisfies(e -> assertThat(e.data().size()).isEqualTo(2));
    }
}
