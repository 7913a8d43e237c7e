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
    void aFlowFromAFolderWithOtherPoliciesRestartsTheRuntimeUnderThem() throws Exception {
        DesignerViewModel vm = designer();
        vm.files().open(flowIn("plain", null));
        vm.run().run();
        assertThat(vm.run().stateProperty().get()).as(vm.statusProperty().get()).isEqualTo(RunViewModel.State.RUNNING);
        assertThat(vm.statusProperty().get()).doesNotContain("policies");
        assertThat(vm.run().policies().summaryProperty().get()).startsWith("No policies file applied");

        Path masked = flowIn("masked", CARDS);
        Path maskedPolicies =
                masked.resolveSibling("policies.json").toAbsolutePath().normalize();
        vm.files().open(masked);
        for (int i = 0; i < PoliciesViewModel.CHECK_EVERY; i++) {
            vm.run().tick();
        }
        assertThat(vm.run().policies().pendingProperty().get())
                .isEqualTo("The open flow's policies are " + maskedPolicies + " — applied at the next Run");
        vm.run().run();

        assertThat(vm.run().stateProperty().get()).as(vm.statusProperty().get()).isEqualTo(RunViewModel.State.RUNNING);
        assertThat(vm.statusProperty().get()).contains("Running 'hello-webhook'", "policies: " + maskedPolicies);
        assertThat(vm.run().policies().summaryProperty().get())
                .isEqualTo("Policies applied — masking 1 · routing 0 — from " + maskedPolicies);
        assertThat(vm.run().policies().appliedProperty().get().rules()).isEqualTo("masking 1 (cards) · routing 0");
        assertThat(vm.run().policies().pendingProperty().get()).isEmpty();
        assertThat(send(vm, "4111111111111111").output()).contains("***1111");
    }

    @Test
    void anEditedPoliciesFileIsAppliedByTheNextRun() throws Exception {
        DesignerViewModel vm = designer();
        Path flow = flowIn("flows", CARDS);
        vm.files().open(flow);
        vm.run().run();
        assertThat(send(vm, "4111111111111111").output()).contains("***1111");

        Files.writeString(flow.resolveSibling("policies.json"), CARDS.replace("last4", "redact"));
        for (int i = 0; i < PoliciesViewModel.CHECK_EVERY; i++) {
            vm.run().tick();
        }
        assertThat(vm.run().policies().pendingProperty().get())
                .isEqualTo("policies.json changed — applied at the next Run");
        assertThat(send(vm, "5500005555555559").output())
                .as("until the next Run, the policies the runtime started with")
                .contains("***5559");

        vm.run().run();
        assertThat(vm.run().stateProperty().get()).as(vm.statusProperty().get()).isEqualTo(RunViewModel.State.RUNNING);
        assertThat(vm.run().policies().pendingProperty().get()).isEmpty();
        assertThat(send(vm, "378282246310005").output())
                .contains("\"number\":\"***\"")
                .doesNotContain("0005");
    }

    @Test
    void aBrokenEditKeepsTheRunningPoliciesAndSaysWhereTheFileIsWrong() throws Exception {
        DesignerViewModel vm = designer();
        Path flow = flowIn("flows", CARDS);
        vm.files().open(flow);
        vm.run().run();
        Files.writeString(flow.resolveSibling("policies.json"), CARDS.replace("last4", "scramble"));

        vm.run().run();

        assertThat(vm.run().stateProperty().get()).isEqualTo(RunViewModel.State.RUNNING);
        assertThat(vm.statusProperty().get())
                .contains("is not a valid policies file", "/masking/0/method", "the runtime keeps running as it was");
        assertThat(vm.run().policies().problemProperty().get())
                .startsWith("Not applied — ")
                .contains("\n  /masking/0/method: ");
        assertThat(vm.run().policies().appliedProperty().get().masking()).containsExactly("cards");
        assertThat(send(vm, "4111111111111111").output()).contains("***1111");

        Files.writeString(flow.resolveSibling("policies.json"), CARDS);
        vm.run().run();
        assertThat(vm.run().policies().problemProperty().get())
                .as("the file as applied again: nothing to restart, nothing wrong")
                .isEmpty();
    }

    /** Injects a card payment at the hook and returns the trigger's step in the run's trace. */
    private static dev.switchboard.runtime.store.RunQueries.Step send(DesignerViewModel vm, String card) {
        vm.run().inject().triggerProperty().set("hook");
        vm.run().inject().textProperty().set("{\"name\": \"Ada\", \"card\": {\"number\": \"" + card + "\"}}");
        vm.run().inject().send();
        String id = vm.run().inject().lastEventIdProperty().get();
        assertThat(id).as(vm.run().inject().errorProperty().get()).isNotNull();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            vm.run().trace().trace(id);
            assertThat(vm.run().trace().traceProperty().get()).isNotNull();
            assertThat(vm.run().trace().traceProperty().get().eventId()).isEqualTo(id);
        });
        return vm.run().trace().traceProperty().get().step("hook").orElseThrow();
    }
}
