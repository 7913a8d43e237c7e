package dev.switchboard.runtime.validate;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.support.Quote;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.FlowFiles;
import dev.switchboard.runtime.format.MalformedFlowException;
import dev.switchboard.runtime.model.Flow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates flow files together: each file on its own, then across files (flow ids must be unique
 * among the flows a runtime runs). Shared by {@code switchboard validate} and {@code switchboard run}.
 */
public final class FlowFileValidator {
    private final ConnectorCatalog catalog;
    private final FlowValidator validator;
    /** The schemas folder every flow's contracts come from; null: the {@code schemas} folder beside each file. */
    private final SchemaRegistry schemas;

    public FlowFileValidator(ConnectorCatalog catalog) {
        this(catalog, null);
    }

    /** @param schemas where contracts come from; null for the folder beside each file (texts: not checked) */
    public FlowFileValidator(ConnectorCatalog catalog, SchemaRegistry schemas) {
        this.catalog = catalog;
        this.schemas = schemas;
        this.validator = new FlowValidator(catalog, schemas);
    }

    /** What validating one file found; {@code result.flow()} is null when the file could not be read as JSON. */
    public record FileReport(Path file, ValidationResult result) {
        public boolean isValid() {
            return result.isValid();
        }

        public List<Problem> errors() {
            return result.problems().stream().filter(Problem::isError).toList();
        }

        public List<Problem> warnings() {
            return result.problems().stream().filter(p -> !p.isError()).toList();
        }

        /** {@code flows/a.flow.json: /nodes/1/config/url: message} — one line, the form the CLI prints. */
        public String describe(Problem problem) {
            return file + ": " + (problem.isError() ? problem.toString() : prefixWarning(problem));
        }

        private static String prefixWarning(Problem problem) {
            String text = problem.toString();
            int colon = text.indexOf(": ");
            return text.substring(0, colon) + ": warning: " + text.substring(colon + 2);
        }
    }

    /**
     * Files as given and folders searched for {@code *.flow.json}, each checked, in a stable order;
     * then what only shows across them: a flow id used twice, a webhook address served twice.
     */
    public List<FileReport> validate(List<Path> paths) throws IOException {
        List<FileReport> reports = new ArrayList<>();
        Map<String, Path> firstFileOfFlowId = new HashMap<>();
        List<ServedBy> served = new ArrayList<>();
        for (Path file : FlowFiles.collect(paths)) {
            ValidationResult result = validateFile(file);
            if (result.flow() != null
                    && result.flow().id() != null
                    && !result.flow().id().isEmpty()) {
                Path first = firstFileOfFlowId.putIfAbsent(result.flow().id(), file);
                if (first != null) {
                    List<Problem> problems = new ArrayList<>(result.problems());
                    problems.add(
                            0,
                            Problem.error(
                                    "/id",
                                    "Flow id " + Quote.single(result.flow().id()) + " is already used by " + first
                                            + "; flows run together need distinct ids"));
                    result = new ValidationResult(result.flow(), problems);
                } else {
                    result = withRoutesServedElsewhere(file, result, served);
                }
            }
            reports.add(new FileReport(file, result));
        }
        return reports;
    }

    /**
     * Checks one flow file's text as a runtime that already runs {@code others} would take it (the
     * admin API's deploy): every check {@link FlowValidator} makes, plus an error for each webhook
     * address one of the other flows serves already. A flow among {@code others} with the same id
     * is the version this one replaces and is not compared.
     */
    public ValidationResult validateAgainst(String text, Collection<Flow> others) {
        ValidationResult result = validator.validate(text);
        Flow flow = result.flow();
        if (flow == null || flow.id() == null || flow.id().isEmpty()) {
            return result;
        }
        List<ServedBy> served = new ArrayList<>();
        for (Flow other : others) {
            if (!flow.id().equals(other.id())) {
                HttpRoutes.of(other, catalog).forEach(route -> served.add(new ServedBy(null, other.id(), route)));
            }
        }
        return withRoutesServedElsewhere(null, result, served);
    }

    /** A webhook address (method and path) some node of an earlier file (null: of a running flow) serves. */
    private record ServedBy(Path file, String flowId, HttpRoutes.Route route) {
        String where() {
            return file == null ? ", which the runtime runs already" : " in " + file;
        }
    }

    /**
     * The file's result plus an error for each address an earlier file's flow serves already (the
     * runtime has one web server for all the flows it runs); then its own addresses join the list.
     */
    private ValidationResult withRoutesServedElsewhere(Path file, ValidationResult result, List<ServedBy> served) {
        Flow flow = result.flow();
        Set<Integer> brokenAddress = FlowValidator.nodesWithBrokenAddress(result.problems());
        List<HttpRoutes.Route> routes = HttpRoutes.of(flow, catalog, i -> !brokenAddress.contains(i));
        List<Problem> found = new ArrayList<>();
        for (HttpRoutes.Route route : routes) {
            served.stream()
                    .filter(s -> route.collidesWith(s.route()))
                    .findFirst()
                    .ifPresent(s -> found.add(Problem.nodeError(
                            FlowValidator.routePointer(flow, route),
                            route.nodeId(),
                            "path",
                            route.describe()
                                    + " is already served by node "
                                    + Quote.single(s.route().nodeId()) + " of flow "
                                    + Quote.single(s.flowId()) + s.where()
                                    + "; flows run together need distinct webhook paths")));
        }
        routes.forEach(route -> served.add(new ServedBy(file, flow.id(), route)));
        if (found.isEmpty()) {
            return result;
        }
        List<Problem> problems = new ArrayList<>(found);
        problems.addAll(result.problems());
        problems.sort(Comparator.comparing(Problem::severity));
        return new ValidationResult(flow, problems);
    }

    private ValidationResult validateFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new ValidationResult(null, List.of(Problem.error("", "No such file")));
        }
        String text;
        try {
            text = FlowCodec.readFile(file);
        } catch (MalformedFlowException e) {
            return FlowValidator.unreadable(e);
        }
        FlowValidator forFile = schemas != null ? validator : new FlowValidator(catalog, SchemaRegistry.beside(file));
        return forFile.validate(text);
    }
}
