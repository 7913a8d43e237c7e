package dev.switchboard.runtime.cli;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.admin.AdminClient;
import dev.switchboard.runtime.validate.FlowFileValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard deploy <files|folders> --to URL --token T}: validates the flows here first
 * (as {@code validate} does), then PUTs each to a running runtime's admin API and prints its
 * answer. Exit 0 when every flow was deployed, 1 when any was not (or the runtime could not be
 * reached), 2 for a usage error.
 */
@Command(
        name = "deploy",
        description = "Validates flows, then deploys each to a running runtime through its admin API.",
        exitCodeList = {
            ExitCodes.OK_LINE,
            "1:a flow has problems (here or at the runtime), the runtime refused or could not be reached",
            ExitCodes.USAGE_LINE
        })
final class DeployCommand implements Callable<Integer> {
    static final String TOKEN_VARIABLE = "SWITCHBOARD_ADMIN_TOKEN";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Flow files (*.flow.json) or folders holding them.")
    List<Path> paths;

    @Option(
            names = "--to",
            defaultValue = "http://127.0.0.1:8788",
            description = "The runtime's admin API (default: ${DEFAULT-VALUE}).")
    URI to;

    @Option(
            names = "--token",
            description = "The admin token (default: the environment variable " + TOKEN_VARIABLE + ").")
    String token;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String bearer = token != null ? token : System.getenv(TOKEN_VARIABLE);
        if (bearer == null || bearer.isBlank()) {
            throw new CommandFailure("No admin token: give --token or set " + TOKEN_VARIABLE
                    + " (the runtime prints it on its first start and keeps it in <data>/admin.token)");
        }
        List<FlowFileValidator.FileReport> reports = new FlowFileValidator(ConnectorCatalog.load()).validate(paths);
        if (reports.isEmpty()) {
            throw new CommandFailure("No flow files in " + paths + " (flow files end in .flow.json)");
        }
        boolean valid = true;
        for (FlowFileValidator.FileReport report : reports) {
            report.errors().forEach(p -> err.println(report.describe(p)));
            valid &= report.isValid();
        }
        if (!valid) {
            err.println("✗ nothing deployed: fix the problems above first");
            err.flush();
            return ExitCodes.FAILURE;
        }
        AdminClient client = new AdminClient(to, bearer);
        boolean allDeployed = true;
        for (FlowFileValidator.FileReport report : reports) {
            String id = report.result().flow().id();
            AdminClient.Answer answer;
            try {
                answer = client.deploy(id, Files.readString(report.file()));
            } catch (IOException e) {
                throw new CommandFailure(
                        "Cannot reach the admin API at " + to + ": " + e.getMessage()
                                + " (is 'switchboard run' running there? see --to)",
                        e);
            }
            if (answer.ok()) {
                out.println("✓ " + id + (answer.created() ? " deployed" : " replaced") + " (" + report.file() + ")");
                answer.problemLines().forEach(line -> out.println("  " + line));
            } else {
                allDeployed = false;
                err.println("✗ " + id + " (" + report.file() + "): " + answer.message() + " (HTTP " + answer.status()
                        + ")");
                answer.problemLines().forEach(line -> err.println("  " + line));
                if (answer.status() == 401) {
                    break; // the same token fails for every flow
                }
            }
        }
        out.flush();
        err.flush();
        return allDeployed ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
