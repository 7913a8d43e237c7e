package dev.switchboard.connector.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connector.spi.FileSandbox.SandboxViolationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryFileSandboxTest {
    @TempDir
    Path temp;

    @Test
    void resolvesRelativePathsInsideTheRoot() {
        DirectoryFileSandbox sandbox = new DirectoryFileSandbox(temp.resolve("data"));
        assertThat(sandbox.resolve("out/orders.jsonl"))
                .isEqualTo(temp.resolve("data/out/orders.jsonl").toAbsolutePath());
        assertThat(sandbox.resolve("out/../x.txt"))
                .isEqualTo(temp.resolve("data/x.txt").toAbsolutePath());
    }

    @Test
    void rejectsClimbingOutAbsolutePathsAndTheRootItself() {
        DirectoryFileSandbox sandbox = new DirectoryFileSandbox(temp);
        assertThatThrownBy(() -> sandbox.resolve("../x"))
                .isInstanceOf(SandboxViolationException.class)
                .hasMessageContaining("leads outside the data folder");
        assertThatThrownBy(() -> sandbox.resolve("out/../../../x")).isInstanceOf(SandboxViolationException.class);
        assertThatThrownBy(() -> sandbox.resolve("/etc/passwd"))
                .isInstanceOf(SandboxViolationException.class)
                .hasMessageContaining("is absolute");
        assertThatThrownBy(() -> sandbox.resolve("\\\\server\\share")).isInstanceOf(SandboxViolationException.class);
        assertThatThrownBy(() -> sandbox.resolve("C:\\x")).isInstanceOf(SandboxViolationException.class);
        assertThatThrownBy(() -> sandbox.resolve(".")).isInstanceOf(SandboxViolationException.class);
        assertThatThrownBy(() -> sandbox.resolve(""))
                .isInstanceOf(SandboxViolationException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> sandbox.resolve("a\0b"))
                .isInstanceOf(SandboxViolationException.class)
                .hasMessageContaining("not a valid file path");
    }

    @Test
    void rejectsSymbolicLinksThatLeadOutside() throws Exception {
        Path root = Files.createDirectories(temp.resolve("data"));
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createSymbolicLink(root.resolve("dangling"), temp.resolve("outside/not-yet.txt"));
        Files.createDirectories(root.resolve("inside"));
        Files.createSymbolicLink(root.resolve("alias"), root.resolve("inside"));
        DirectoryFileSandbox sandbox = new DirectoryFileSandbox(root);

        assertThatThrownBy(() -> sandbox.resolve("escape/x.txt"))
                .isInstanceOf(SandboxViolationException.class)
                .hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> sandbox.resolve("dangling")).isInstanceOf(SandboxViolationException.class);
        assertThat(sandbox.resolve("alias/x.txt"))
                .isEqualTo(root.resolve("alias/x.txt").toAbsolutePath());
    }

    @Test
    void lexicalCheckNeedsNoRoot() {
        assertThat(DirectoryFileSandbox.lexicalProblem("out/a.jsonl")).isNull();
        assertThat(DirectoryFileSandbox.lexicalProblem("../a")).contains("outside");
        assertThat(DirectoryFileSandbox.lexicalProblem("/a")).contains("absolute");
    }
}
