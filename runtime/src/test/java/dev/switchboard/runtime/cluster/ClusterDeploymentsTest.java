package dev.switchboard.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.admin.DeployedFlows.FlowChangeConflictException;
import dev.switchboard.runtime.admin.FlowDeployments;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.metrics.HealthChecks;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import dev.switchboard.runtime.store.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One runtime's side of cluster-wide deploys, against a real PostgreSQL store, with changes of
 * "another runtime" written straight into {@code cluster_flows} and the poll run by hand: a change
 * based on a revision that is no longer the stored one is refused and changes nothing; a stored
 * revision that does not start here leaves the previous version running and readiness down; a
 * deleted flow's revisions keep growing when its id comes back.
 */
class ClusterDeploymentsTest {
    @TempDir
    Path dir;

    private String db;
    private DurableRuntime runtime;
    private ClusterDeployments flows;

    @BeforeEach
    void start() throws Exception {
        db = PostgresServer.withPassword(PostgresServer.get().newDatabase());
        runtime = DurableRuntime.start(
                new EngineOptions("127.0.0.1", 0, dir, Duration.ofSeconds(5)),
                ConnectorCatalog.load(),
                SecretResolver.of(Map.of()),
                db,
                HistoryOptions.defaults());
        flows = new ClusterDeployments(
                new FlowDeployments(runtime.engine(), null), runtime.store(), "runtime-a", Duration.ofSeconds(1));
        flows.load(List.of(), line -> {});
    }

    @AfterEach
    void stop() {
        flows.close();
        runtime.close();
    }

    static String flow(String path) {
        return """
                {"format": "switchboard/flow@1", "id": "greet", "nodes": [
                  {"id": "hook", "type": "webhook", "config": {"path": "%s"}},
                  {"id": "say", "type": "log", "config": {}}
                ], "wires": [{"from": "hook", "to": "say"}]}
                """.formatted(path);
    }

    /** What another runtime of the cluster would have stored. */
    private void storedElsewhere(String definition, long revision) throws SQLException {
        try (Connection c = DriverManager.getConnection(db);
                PreparedStatement s = c.prepareStatement("UPDATE cluster_flows SET definition = ?, revision = ?,"
                        + " state = 'running', updated_at = now(), updated_by = 'runtime-b' WHERE id = 'greet'")) {
            s.setString(1, definition);
            s.setLong(2, revision);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private long storedRevision() throws SQLException {
        try (Connection c = DriverManager.getConnection(db);
                PreparedStatement s = c.prepareStatement("SELECT revision FROM cluster_flows WHERE id = 'greet'");
                ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    /** The flow greet as the engine runs it, compared with the one with that webhook path. */
    private void runs(String path) throws Exception {
        assertThat(runtime.engine().deployedFlow("greet")).contains(FlowCodec.read(flow(path)));
    }

    @Test
    void aChangeBasedOnAnOlderRevisionIsRefusedAndChangesNothing() throws Exception {
        assertThat(flows.deploy("greet", flow("/hooks/one")).deployed()).isTrue();
        assertThat(storedRevision()).isEqualTo(1);
        storedElsewhere(FlowCodec.write(FlowCodec.read(flow("/hooks/two"))), 2);

        assertThatThrownBy(() -> flows.deploy("greet", flow("/hooks/three")))
                .isInstanceOf(FlowChangeConflictException.class)
                .hasMessageContaining("changed meanwhile through runtime-b")
                .hasMessageContaining("revision 2; this runtime knew revision 1")
                .hasMessageContaining("nothing was changed");
        assertThatThrownBy(() -> flows.stop("greet")).isInstanceOf(FlowChangeConflictException.class);
        assertThat(storedRevision()).isEqualTo(2);
        runs("/hooks/one");
        assertThat(runtime.engine().deployedFlowIds()).contains("greet");

        flows.sync(); // what the poll does: the stored version runs here now, and a change may build on it
        runs("/hooks/two");
        assertThat(flows.find("greet").orElseThrow().revision()).isEqualTo(2);
        assertThat(flows.deploy("greet", flow("/hooks/three")).deployed()).isTrue();
        assertThat(storedRevision()).isEqualTo(3);
    }

    @Test
    void aStoredRevisionThatDoesNotStartHereLeavesThePreviousVersionRunningAndReadinessDown() throws Exception {
        assertThat(flows.deploy("greet", flow("/hooks/one")).deployed()).isTrue();
        // valid JSON, but its webhook path is not one: compiling it here fails
        storedElsewhere(flow("no-leading-slash"), 2);

        flows.sync();
        runs("/hooks/one");
        HealthChecks.Check check = flows.health();
        assertThat(check.isUp()).isFalse();
        assertThat(check.reason()).startsWith("flow 'greet' revision 2 does not start here");
        assertThat(flows.failures()).containsOnlyKeys("greet");
        assertThat(flows.revisions()).containsEntry("greet", 1L);

        // a fixed version deployed here builds on the stored revision and clears the failure
        assertThat(flows.deploy("greet", flow("/hooks/fixed")).deployed()).isTrue();
        assertThat(storedRevision()).isEqualTo(3);
        assertThat(flows.health().isUp()).isTrue();
        assertThat(flows.health().detail()).isEqualTo("flow revisions here: greet r3");
    }

    @Test
    void aDeletedFlowKeepsItsRowSoItsRevisionsGoOnWhenItComesBack() throws Exception {
        assertThat(flows.deploy("greet", flow("/hooks/one")).deployed()).isTrue();
        assertThat(flows.delete("greet")).isTrue();
        assertThat(storedRevision()).isEqualTo(2);
        assertThat(flows.find("greet")).isEmpty();
        assertThat(flows.delete("greet")).isFalse();

        FlowDeployments.Outcome again = flows.deploy("greet", flow("/hooks/again"));
        assertThat(again.deployed()).isTrue();
        assertThat(again.created()).isTrue();
        assertThat(storedRevision()).isEqualTo(3);
    }
}
