package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.secrets.VaultKey;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SecretsCommandTest {
    @TempDir
    Path data;

    record Result(int exit, String out, String err) {}

    private Result run(String stdin, String... args) {
        InputStream previous =
                SecretsCommandAccess.input(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine cli = SwitchboardCli.commandLine(false);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            int exit = cli.execute(args);
            return new Result(exit, out.toString(), err.toString());
        } finally {
            SecretsCommandAccess.input(previous);
        }
    }

    @Test
    void setListAndRemoveWorkOnNamesAndNeverPrintAValue() {
        Result first = run("s3cr3t-one\n", "secrets", "set", "API_TOKEN", "--data", data.toString());
        assertThat(first.exit()).isZero();
        assertThat(first.err()).contains("Generated the vault key " + data.resolve(VaultKey.FILE));
        assertThat(run("s3cr3t-two", "secrets", "--data", data.toString(), "set", "DB_PASSWORD")
                        .exit())
                .isZero();

        Result list = run("", "secrets", "list", "--data", data.toString());
        assertThat(list.exit()).isZero();
        assertThat(list.out()).isEqualTo("API_TOKEN" + System.lineSeparator() + "DB_PASSWORD" + System.lineSeparator());
        assertThat(list.out() + list.err()).doesNotContain("s3cr3t");

        assertThat(run("", "secrets", "remove", "API_TOKEN", "--data", data.toString())
                        .exit())
                .isZero();
        assertThat(run("", "secrets", "list", "--data", data.toString()).out()).doesNotContain("API_TOKEN");
        Result missing = run("", "secrets", "remove", "API_TOKEN", "--data", data.toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("No secret API_TOKEN in");
    }

    @Test
    void mistakesAreOneLineThatSaysWhatToDo() throws Exception {
        Result noVault = run("", "secrets", "list", "--data", data.toString());
        assertThat(noVault.exit()).isEqualTo(1);
        assertThat(noVault.err()).contains("No secrets vault in", "switchboard secrets set NAME");

        Result noValue = run("", "secrets", "set", "API_TOKEN", "--data", data.toString());
        assertThat(noValue.exit()).isEqualTo(1);
        assertThat(noValue.err()).contains("No value given for API_TOKEN");

        Result badName = run("x\n", "secrets", "set", "1BAD", "--data", data.toString());
        assertThat(badName.exit()).isEqualTo(1);
        assertThat(badName.err()).contains("'1BAD' is not a secret name");
        assertThat(data.resolve(VaultKey.FILE)).as("no key for nothing").doesNotExist();

        assertThat(run("v\n", "secrets", "set", "API_TOKEN", "--data", data.toString())
                        .exit())
                .isZero();

        Files.delete(data.resolve(VaultKey.FILE));
        Result noKey = run("", "secrets", "list", "--data", data.toString());
        assertThat(noKey.exit()).isEqualTo(1);
        assertThat(noKey.err()).contains("needs its key: set " + VaultKey.VARIABLE);
    }
}
