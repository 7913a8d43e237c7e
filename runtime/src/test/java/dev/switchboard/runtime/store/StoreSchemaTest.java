package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSchemaTest {
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

    @TempDir
    Path dir;

    @Test
    void theSchemaVersionIsTheNewestMigration() throws Exception {
        assertThat(Store.SCHEMA_VERSION).isEqualTo(newestMigration());
    }

    @Test
    void aStoreAtTheNewestVersionOpensWithoutMigratingAndOneBehindIsMigrated() throws Exception {
        try (Store store = Store.openDefault(dir)) {
            assertThat(store.schemaIsCurrent()).isTrue();
            store.inTransaction(c -> c.createStatement()
                    .executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '" + Store.SCHEMA_VERSION
                            + "'"));
            // as if the store were one version behind: the newest migration has to run again
            store.inTransaction(c -> c.createStatement().executeUpdate("DROP TABLE registered_schemas"));
            store.inTransaction(c -> c.createStatement().executeUpdate("DROP TABLE schema_subjects"));
            assertThat(store.schemaIsCurrent()).isFalse();
        }
        try (Store store = Store.openDefault(dir)) {
            assertThat(store.schemaIsCurrent()).isTrue();
            Boolean schemasTable = store.inTransaction(c -> {
                try (var s = c.createStatement();
                        var r = s.executeQuery("SELECT COUNT(*) FROM registered_schemas")) {
                    return r.next();
                }
            });
            assertThat(schemasTable).as("the newest migration ran again").isTrue();
        }
        try (Store again = Store.openDefault(dir)) {
            assertThat(again.schemaIsCurrent()).isTrue();
        }
    }

    private static int newestMigration() throws URISyntaxException, java.io.IOException {
        Path folder = Path.of(Store.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> MIGRATION.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max()
                    .orElseThrow();
        }
    }
}
