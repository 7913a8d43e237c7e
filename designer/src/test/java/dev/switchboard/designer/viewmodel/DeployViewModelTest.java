package dev.switchboard.designer.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.designer.run.RunSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Deploy to runtime says before and instead of a runtime's answer. */
class DeployViewModelTest {
    @TempDir
    Path data;

    private DeployViewModel deploy() {
        RunSettings settings = new RunSettings(data, 0, 10);
        return new DesignerViewModel(
                        ConnectorCatalog.load(), Debouncer.IMMEDIATE, RunEnvironment.direct(() -> settings))
                .deploy();
    }

    @Test
    void anAddressThatIsNoAdminApiOrAMissingTokenIsSaidBeforeAnythingIsSent() {
        DeployViewModel vm = deploy();
        vm.urlProperty().set("localhost:8788");
        vm.tokenProperty().set("t");
        vm.deploy();
        assertThat(vm.outcomeProperty().get()).startsWith("'localhost:8788' is not the address of an admin API");
        assertThat(vm.succeededProperty().get()).isFalse();

        vm.urlProperty().set("http://127.0.0.1:8788");
        vm.tokenProperty().set(" ");
        vm.deploy();
        assertThat(vm.outcomeProperty().get()).startsWith("The runtime's admin token is needed");
    }

    @Test
    void aRuntimeThatIsNotThereIsNamedWithTheReason() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        DeployViewModel vm = deploy();
        vm.urlProperty().set("http://127.0.0.1:" + closed);
        vm.tokenProperty().set("token");
        vm.deploy();

        assertThat(vm.outcomeProperty().get())
                .startsWith("Cannot reach the admin API at http://127.0.0.1:" + closed + " (")
                .contains("is 'switchboard run' running there");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.problems()).isEmpty();
    }
}
