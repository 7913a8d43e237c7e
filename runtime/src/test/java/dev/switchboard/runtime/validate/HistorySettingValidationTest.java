package dev.switchboard.runtime.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.FlowSettings;
import dev.switchboard.runtime.model.HistoryLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code settings.history}: one of the history levels, checked like every other setting. */
class HistorySettingValidationTest {
    static final FlowValidator VALIDATOR = new FlowValidator(ConnectorCatalog.load());

    static String flow(String history) {
        return """
                { "format": "switchboard/flow@1", "id": "f", "nodes": [], "settings": { "history": %s } }
                """.formatted(history);
    }

    @Test
    void everyLevelIsAcceptedAndRead() throws Exception {
        for (HistoryLevel level : HistoryLevel.values()) {
            String text = flow("\"" + level.id() + "\"");
            assertThat(VALIDATOR.validate(text).problems()).as(level.id()).isEmpty();
            assertThat(new FlowSettings(FlowCodec.read(text)).history()).contains(level);
        }
        assertThat(new FlowSettings(FlowCodec.read("""
                        { "format": "switchboard/flow@1", "id": "f", "nodes": [] }
                        """)).history()).isEmpty();
    }

    @Test
    void anUnknownLevelIsReportedWithItsPointerAndTheLevels() {
        List<Problem> problems = VALIDATOR.validate(flow("\"errors-only\"")).problems();

        assertThat(problems).extracting(Problem::pointer).containsExactly("/settings/history");
        assertThat(problems.get(0).message())
                .isEqualTo("'history' must be one of full, errors, summary, off, not the text \"errors-only\"");
    }

    @Test
    void aLevelOfAnotherTypeIsReportedToo() {
        assertThat(VALIDATOR.validate(flow("true")).problems())
                .extracting(Problem::pointer)
                .containsExactly("/settings/history");
    }
}
