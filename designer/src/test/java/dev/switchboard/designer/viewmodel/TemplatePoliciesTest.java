package dev.switchboard.designer.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sample's policies.json follows its flow on the first save, and never replaces a folder's own. */
class TemplatePoliciesTest {
    @TempDir
    Path temp;

    @Test
    void copiedBesideTheSavedFlowWhenTheFolderHasNone() throws Exception {
        Path sample = Files.writeString(
                Files.createDirectories(temp.resolve("sample")).resolve("policies.json"), "{}");
        Path flow = Files.createDirectories(temp.resolve("work")).resolve("a.flow.json");

        assertThat(TemplatePolicies.copyBeside(sample, flow)).isEqualTo(" with its policies.json beside it");
        assertThat(flow.resolveSibling("policies.json")).hasContent("{}");
    }

    @Test
    void aFoldersOwnPoliciesAreKeptAndTheStatusSaysSo() throws Exception {
        Path sample = Files.writeString(
                Files.createDirectories(temp.resolve("sample")).resolve("policies.json"), "{}");
        Path work = Files.createDirectories(temp.resolve("work"));
        Files.writeString(work.resolve("policies.json"), "{\"mine\": true}");

        assertThat(TemplatePolicies.copyBeside(sample, work.resolve("a.flow.json")))
                .isEqualTo(" — the policies.json already in " + work.toAbsolutePath() + " applies to it; " + sample
                        + " was not copied");
        assertThat(work.resolve("policies.json")).hasContent("{\"mine\": true}");
        Files.writeString(work.resolve("policies.json"), "{}");
        assertThat(TemplatePolicies.copyBeside(sample, work.resolve("a.flow.json")))
                .as("the same file already there: nothing to say")
                .isEmpty();
    }
}
