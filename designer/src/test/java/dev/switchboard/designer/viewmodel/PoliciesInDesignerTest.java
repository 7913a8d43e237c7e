package dev.switchboard.designer.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.designer.run.RunSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The designer's Run applies the {@code policies.json} beside the open flow, as {@code switchboard
 * run} does: the messages and the trace show the card masked, and the trace lists the decision.
 * Real engine, real H2.
 */
class PoliciesInDesignerTest {
    private static final Path HELLO = Path.of("..", "samples", "hello-webhook.flow.json");
    private static final String CARDS = """
            {"format": "switchboard/policies@1",
             "masking": [{"name": "cards", "fields": ["data.card.number"], "method": "last4"}]}
            """;

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

    private Path flowIn(String folderName, String policies) throws Exception {
        Path folder = Files.createDirectories(temp.resolve(folderName));
        Path flow = Files.copy(HELLO, folder.resolve("hello-webhook.flow.json"));
        if (policies != null) {
            Files.writeString(folder.resolve("policies.json"), policies);
        }
        return flow;
    }

    @Test
    void aCardNumberIsMaskedInTheMessagesAndTheTraceNamesTheDecision() throws Exception {
        DesignerViewModel vm = designer();
        vm.files().open(flowIn("flows", CARDS));
        vm.run().run();
        assertThat(vm.run().stateProperty().get()).as(vm.statusProperty().get()).isEqualTo(RunViewModel.State.RUNNING);

        vm.run().inject().triggerProperty().set("hook");
        vm.run().inject().textProperty().set("""
                {"name": "Ada", "card": {"number": "4111111111111111"}}""");
        vm.run().inject().send();
        String id = vm.run().inject().lastEventIdProperty().get();
        assertThat(id).as(vm.run().inject().errorProperty().get()).isNotNull();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            vm.run().tick();
            assertThat(vm.run().messages().all()).anySatisfy(m -> {
                assertThat(m.nodeId()).isEqualTo("hook");
                assertThat(m.output().data().path("card").path("number").asText())
                        .isEqualTo("***1111");
            });
        });
        assertThat(vm.run().messages().all())
                .allSatisfy(
                        m -> assertThat(String.valueOf(m.input()) + m.output()).doesNotContain("4111111111111111"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            vm.run().trace().trace(id);
            TraceViewModel.Trace trace = vm.run().trace().traceProperty().get();
            assertThat(trace).isNotNull();
            assertThat(trace.policies("hook")).contains("cards: masked");
            assertThat(trace.step("hook").orElseThrow().output())
                    .contains("***1111")
                    .doesNotContain("4111111111111111");
        });
    }

    @Test
    void aBrokenPoliciesFileStopsTheRunNamingWhereItIsWrong() throws Exception {
        DesignerViewModel vm = designer();
        vm.files().open(flowIn("flows", """
                {"format": "switchboard/policies@1",
                 "masking": [{"name": "cards", "fields": ["data.card.number"], "method": "scramble"}]}
                """));
        vm.run().run();

        assertThat(vm.run().stateProperty().get()).isEqualTo(RunViewModel.State.STOPPED);
        assertThat(vm.statusProperty().get())
                .startsWith("Could not run 'hello-webhook': ")
                .contains("is not a valid policies file", "/masking/0/method")
                .doesNotContain("\n", "Exception");
    }

    @Test
    void aFlowFromAFolderWithOtherPoliciesRunsUnderTheEnginesAndTheStatusSaysSo() throws Exception {
        DesignerViewModel vm = designer();
        vm.files().open(flowIn("plain", null));
        vm.run().run();
        assertThat(vm.run().stateProperty().get()).as(vm.statusProperty().get()).isEqualTo(RunViewModel.State.RUNNING);
        assertThat(vm.statusProperty().get()).doesNotContain("policies");

        Path masked = flowIn("masked", CARDS);
        vm.files().open(masked);
        vm.run().run();

        assertThat(vm.statusProperty().get())
                .contains("runs under no policies file", "Stop and Run again to apply")
                .contains(masked.resolveSibling("policies.json")
                        .toAbsolutePath()
                        .normalize()
                        .toString());
    }
}
