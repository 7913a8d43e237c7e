package dev.switchboard.designer.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.designer.run.RunSettings;
import dev.switchboard.runtime.validate.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample flow under a data contract, run from the designer's view-model: its contracts resolve
 * in the schemas folder beside the flow file, as with {@code switchboard run}. Real engine, real H2.
 */
class RunUnderContractTest {
    private static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path temp;

    private DesignerViewModel vm;

    @AfterEach
    void stop() {
        if (vm != null) {
            vm.run().shutdown();
        }
    }

    private DesignerViewModel designer() {
        RunSettings settings = new RunSettings(temp.resolve("data"), 0, 50);
        vm = new DesignerViewModel(ConnectorCatalog.load(), Debouncer.IMMEDIATE, RunEnvironment.direct(() -> settings));
        return vm;
    }

    /** The sample and its schemas folder, copied: the test must not write beside the real samples. */
    private Path copySample(boolean withSchemas) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("flows"));
        Path flow = folder.resolve("orders-under-contract.flow.json");
        Files.copy(SAMPLES.resolve("orders-under-contract.flow.json"), flow);
        if (withSchemas) {
            Path from = SAMPLES.resolve("schemas");
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.toList()) {
                    Path to =
                            folder.resolve("schemas").resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return flow;
    }

    @Test
    void aValidOrderRunsAndABrokenOneIsRefusedWithEveryViolationAndWhere() throws Exception {
        DesignerViewModel vm = designer();
        vm.files().open(copySample(true));
        vm.run().run();
        assertThat(vm.run().stateProperty().get()).as(vm.statusProperty().get()).isEqualTo(RunViewModel.State.RUNNING);

        vm.run().inject().triggerProperty().set("hook");
        vm.run().inject().textProperty().set("""
                {"id": "o-1", "customer": {"email": "a@example.org"}, "total": 12.5, "currency": "EUR"}""");
        vm.run().inject().send();
        assertThat(vm.run().inject().errorProperty().get()).isEmpty();
        assertThat(vm.run().inject().lastEventIdProperty().get()).isNotNull();
        assertThat(vm.statusProperty().get()).startsWith("Sent event");

        String accepted = vm.run().inject().lastEventIdProperty().get();
        vm.run().inject().textProperty().set("""
                {"id": "o-2", "total": "12", "currency": "CHF"}""");
        vm.run().inject().send();

        assertThat(vm.run().inject().errorProperty().get())
                .startsWith("Refused by the contract orders@1 (nothing was kept):")
                .contains("data/total: ", "data/currency: ", "customer");
        assertThat(vm.run().inject().lastEventIdProperty().get()).isEqualTo(accepted);
        assertThat(vm.statusProperty().get()).contains("'hook' refused the event", "orders@1");
    }

    @Test
    void theInjectSampleComesFromTheTriggersSchemaAndPassesIt() throws Exception {
        DesignerViewModel vm = designer();
        vm.files().open(copySample(true));
        vm.run().run();

        assertThat(vm.run().inject().triggerProperty().get()).isEqualTo("hook");
        assertThat(vm.run().inject().textProperty().get())
                .contains("\"customer\"", "\"email\"", "\"currency\" : \"EUR\"", "\"total\" : 1.5");
        vm.run().inject().send();

        assertThat(vm.run().inject().errorProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).startsWith("Sent event");
    }

    @Test
    void fieldSuggestionsDownstreamOfAContractIncludeTheSchemasPaths() throws Exception {
        DesignerViewModel vm = designer();
        vm.files().open(copySample(true));
        vm.selection().select("summarise");

        assertThat(vm.inspector().suggestions())
                .contains("{{data.customer.email}}", "{{data.customer.name}}", "{{data.currency}}", "{{id}}");
    }

    @Test
    void theProblemsPanelAndRunSayWhenABoundContractIsNotBesideTheFlow() throws Exception {
        DesignerViewModel vm = designer();
        vm.files().open(copySample(false));
        vm.problems().validateNow();

        assertThat(vm.problems().items())
                .filteredOn(Problem::isError)
                .extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("orders"));
        vm.run().run();
        assertThat(vm.run().stateProperty().get()).isEqualTo(RunViewModel.State.STOPPED);
        assertThat(vm.statusProperty().get()).startsWith("Cannot run 'orders-under-contract'");
    }
}
