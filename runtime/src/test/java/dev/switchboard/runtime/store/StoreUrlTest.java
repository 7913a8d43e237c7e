package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoreUrlTest {
    @Test
    void passwordsInAUrlAreNeverShown() {
        assertThat(Store.redacted("jdbc:postgresql://db/sb?user=sb&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/sb?user=sb&password=***&ssl=true");
        assertThat(Store.redacted("jdbc:h2:./x;USER=sa;PASSWORD=hunter2"))
                .isEqualTo("jdbc:h2:./x;USER=sa;PASSWORD=***");
    }

    @Test
    void theDialectFollowsTheUrlAndOtherDatabasesAreRefusedWithoutTheirPassword() {
        assertThat(SqlDialect.of("jdbc:h2:retry:/tmp/x")).isEqualTo(SqlDialect.H2);
        assertThat(SqlDialect.of("jdbc:postgresql://db/sb")).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(SqlDialect.POSTGRESQL.sharedInbox()).isTrue();
        assertThat(SqlDialect.H2.sharedInbox()).isFalse();
        assertThatThrownBy(() -> Store.open("jdbc:mysql://db/sb?password=hunter2"))
                .isInstanceOf(Store.StoreException.class)
                .hasMessageContaining("H2 (jdbc:h2:…) or PostgreSQL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aPostgresqlStoreThatCannotBeReachedSaysSoWithoutThePassword() {
        assertThatThrownBy(
                        () -> Store.open("jdbc:postgresql://127.0.0.1:1/sb?user=sb&password=hunter2&connectTimeout=2"))
                .isInstanceOf(Store.StoreException.class)
                .hasMessageContaining("password=***")
                .hasMessageNotContaining("hunter2");
    }
}
