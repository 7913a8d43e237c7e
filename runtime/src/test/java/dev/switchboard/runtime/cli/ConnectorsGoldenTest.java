package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.conformance.ConnectorConformance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/connectors.json is exactly what {@code switchboard connectors --json} prints for the built-in
 * connectors: a reviewable record of every change to ids, ports, properties, help and examples.
 * Run with {@code -Dgolden.update=true} to rewrite it after an intended change.
 */
class ConnectorsGoldenTest {
    static final Path GOLDEN = Path.of(System.getProperty("basedir", "."))
            .resolve("../docs/connectors.json")
            .normalize();
    static final String REGENERATE = "mvn -o -B -q -pl connectors,runtime -am test -Dtest=ConnectorsGoldenTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true";

    @Test
    void theCommittedCatalogIsWhatTheCommandPrints() throws IOException {
        String printed = ConnectorsCommand.json(ConnectorConformance.builtIns(ConnectorCatalog.load()).stream()
                .map(Connector::spec)
                .toList());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, printed, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(GOLDEN))
                .as("%s is missing; create it with:%n  %s", GOLDEN, REGENERATE)
                .isTrue();
        String committed = Files.readString(GOLDEN, StandardCharsets.UTF_8);

        assertThat(normalized(committed))
                .as(
                        "%s differs from what `switchboard connectors --json` prints now. If the change is intended, "
                                + "regenerate it and commit the difference:%n  %s",
                        GOLDEN, REGENERATE)
                .isEqualTo(normalized(printed));
        assertThat(committed)
                .as("%s must end with one newline", GOLDEN)
                .endsWith("]\n")
                .doesNotEndWith("\n\n");
    }

    @Test
    void theCommandPrintsTheCatalogItLoads() {
        CliRun run = CliRun.of("connectors", "--json");

        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .isEqualTo(ConnectorsCommand.json(ConnectorCatalog.load().specs()));
    }

    /** Git may check the file out with CRLF line ends on Windows; the content is what counts. */
    private static String normalized(String text) {
        return text.replace("\r\n", "\n");
    }
}
