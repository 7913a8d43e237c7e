package dev.switchboard.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SqlConnectorSpecTest {

    @Test
    void parameterNamesSkipQuotesCommentsAndCasts() {
        assertThat(TemplateParameters.namesIn("UPDATE t SET a = :a, b = ':not' WHERE c::text = :c -- :nope"))
                .containsExactly("a", "c");
    }

    @Test
    void execNamesAParameterTheStatementUsesButNobodyDefined() {
        assertThat(new SqlExecConnector().validate(NodeConfig.of("statement", "DELETE FROM t WHERE id = :id")))
                .extracting(ConfigProblem::message)
                .containsExactly("the statement uses :id but no parameter 'id' is defined");
    }

    @Test
    void insertRefusesColumnAndTableNamesThatAreNotPlainIdentifiers() {
        assertThat(new SqlInsertConnector()
                        .validate(NodeConfig.of(
                                "table",
                                "t; DROP TABLE x",
                                "columns",
                                ConfigValue.object("ok", "{{data.a}}", "a) VALUES (1); --", "x"))))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/table", "/columns/a) VALUES (1); --");
    }

    @Test
    void pollNeedsAWayToRecogniseNewRows() {
        assertThat(new SqlPollConnector().validate(NodeConfig.of("query", "SELECT * FROM t")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/markDone");
        assertThat(new SqlPollConnector()
                        .validate(NodeConfig.of(
                                "query", "SELECT * FROM t", "strategy", "trackColumn", "trackColumn", "id")))
                .extracting(ConfigProblem::pointer)
                .containsExactly("/query");
        assertThat(new SqlPollConnector()
                        .validate(NodeConfig.of(
                                "query",
                                "SELECT * FROM t WHERE id > :last ORDER BY id",
                                "strategy",
                                "trackColumn",
                                "trackColumn",
                                "id")))
                .isEmpty();
    }

    @Test
    void jsonValuesBindWithTheirTypes() {
        assertThat(SqlValues.toJdbc(Json.parse("42"))).isEqualTo(42L);
        assertThat((BigDecimal) SqlValues.toJdbc(Json.parse("9.90"))).isEqualByComparingTo("9.90");
        assertThat(SqlValues.toJdbc(Json.parse("true"))).isEqualTo(true);
        assertThat(SqlValues.toJdbc(Json.parse("\"x'--\""))).isEqualTo("x'--");
        assertThat(SqlValues.toJdbc(Json.parse("{\"a\": 1}"))).isEqualTo("{\"a\":1}");
        assertThat(SqlValues.toJdbc(Json.parse("null"))).isNull();
    }
}
