package dev.switchboard.connector.filewatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfinedPathTest {
    @TempDir
    Path dir;

    @Test
    void relativeFolderIsCreatedInsideTheRoot() throws Exception {
        Path root = dir.resolve("data");
        assertThat(ConfinedPath.resolve(root, "inbox/orders")).isEqualTo(root.toRealPath().resolve("inbox/orders"));
    }

    @Test
    void absoluteAndClimbingPathsAreRefusedWithTheReason() {
        assertThat(ConfinedPath.problem("/etc")).hasValueSatisfying(p -> assertThat(p).contains("absolute path"));
        assertThat(ConfinedPath.problem("C:\\Windows")).hasValueSatisfying(p -> assertThat(p).contains("absolute path"));
        assertThat(ConfinedPath.problem("a/../../b")).hasValueSatisfying(p -> assertThat(p).contains("climbs out"));
        assertThat(ConfinedPath.problem("a\\..\\..\\b")).hasValueSatisfying(p -> assertThat(p).contains("climbs out"));
        assertThat(ConfinedPath.problem("inbox/orders")).isEmpty();
    }

    @Test
    void linkLeadingOutsideTheRootIsRefused() throws Exception {
        Path root = Files.createDirectories(dir.resolve("data"));
        Path outside = Files.createDirectories(dir.resolve("secrets"));
        Files.createSymbolicLink(root.resolve("sneaky"), outside);

        assertThatThrownBy(() -> ConfinedPath.resolve(root, "sneaky"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leads outside the data folder through a link");
    }
}
