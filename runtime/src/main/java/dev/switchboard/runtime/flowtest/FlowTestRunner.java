package dev.switchboard.runtime.flowtest;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.DedupeStore;
import dev.switchboard.connector.spi.EventRejectedException;
import dev.switchboard.connector.spi.OnlineModelStore;
import dev.switchboard.connector.support.Causes;
import dev.switchboard.runtime.contract.ContractSchemas;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.engine.MemoryInbox;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.engine.compile.Services;
import dev.switchboard.runtime.flowtest.FlowTestFile.PinnedEvent;
import dev.switchboard.runtime.flowtest.FlowTestFile.RunOutcome;
import dev.switchboard.runtime.flowtest.FlowTestFile.TestCase;
import dev.switchboard.runtime.flowtest.FlowTestResult.CaseFailure;
import dev.switchboard.runtime.flowtest.FlowTestResult.CaseResult;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.MalformedFlowException;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.FlowSettings;
import dev.switchboard.runtime.model.Node;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.validate.FlowValidator;
import dev.switchboard.runtime.validate.Problem;
import dev.switchboard.runtime.validate.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs flow tests ({@code *.test.json}) headless: the flow compiled on its own in-memory engine
 * with every trigger quiet and every action stubbed ({@link StubbedConnectors}), so nothing
 * connects to a broker or the network. Each case deploys the flow afresh, sends its pinned events
 * in at their triggers — one run at a time, each finished before the next — and checks its
 * expectations against the runs' traces, the stubs' calls and the dead letters. Pure Java, results
 * as records: the CLI's {@code switchboard test} and the build's sample tests use it alike.
 */
public final class FlowTestRunner {
    /** How long one run may take before the case fails: runs take milliseconds, this only stops a hang. */
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(10);

    private final ConnectorCatalog catalog;

    public FlowTestRunner(ConnectorCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The test files among {@code paths}: files as given, folders searched (with subfolders) for
     * {@code *.test.json}, sorted by path.
     *
     * @throws NoSuchFileException when a path does not exist
     */
    public static List<Path> findTestFiles(Collection<Path> paths) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new NoSuchFileException(path.toString(), null, "no such file or folder");
            }
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> Files.isRegularFile(p)
                                    && p.getFileName().toString().endsWith(FlowTestCodec.SUFFIX))
                            .sorted(Comparator.comparing(Path::toString))
                            .forEach(found::add);
                }
            } else {
                found.add(path);
            }
        }
        return found;
    }

    public List<FlowTestResult> runAll(List<Path> testFiles) {
        return testFiles.stream().map(this::run).toList();
    }

    /** Reads a test file and the flow it names, and runs its cases. */
    public FlowTestResult run(Path testFile) {
        long started = System.nanoTime();
        FlowTestFile file;
        try {
            file = FlowTestCodec.read(testFile);
        } catch (InvalidTestFileException e) {
            return FlowTestResult.unrunnable(testFile, null, e.problems(), since(started));
        } catch (IOException e) {
            return FlowTestResult.unrunnable(
                    testFile, null, List.of(new TestFileProblem("", "cannot read the file: " + e)), since(started));
        }
        ValidationResult flow;
        try {
            flow = new FlowValidator(catalog).validate(FlowCodec.readFile(file.flowFile()));
        } catch (MalformedFlowException e) {
            flow = FlowValidator.unreadable(e);
        } catch (IOException e) {
            return FlowTestResult.unrunnable(
                    testFile,
                    null,
                    List.of(new TestFileProblem(
                            file.flowFile().equals(FlowTestCodec.defaultFlowFile(testFile)) ? "" : "/flow",
                            "cannot read the flow file " + file.flowFile() + ": " + e)),
                    since(started));
        }
        List<TestFileProblem> flowProblems = flow.problems().stream()
                .filter(Problem::isError)
                .map(p -> new TestFileProblem(
                        "",
                        "the flow file " + file.flowFile().getFileName() + " has a problem at "
                                + (p.pointer().isEmpty() ? "(file)" : p.pointer()) + ": " + p.message()))
                .toList();
        if (!flowProblems.isEmpty()) {
            return FlowTestResult.unrunnable(testFile, null, flowProblems, since(started));
        }
        return run(file, flow.flow());
    }

    /** Runs the cases of {@code file} against {@code flow} (the designer's flow in memory, or the file's). */
    public FlowTestResult run(FlowTestFile file, Flow flow) {
        long started = System.nanoTime();
        flow = withoutRetries(flow);
        List<TestFileProblem> problems = TestReferences.check(file, flow, catalog);
        if (!problems.isEmpty()) {
            return FlowTestResult.unrunnable(file.file(), flow.id(), problems, since(started));
        }
        Path dataDir = null;
        try {
            dataDir = Files.createTempDirectory("switchboard-flowtest");
            return runCases(file, flow, dataDir, started);
        } catch (IOException e) {
            return FlowTestResult.unrunnable(
                    file.file(),
                    flow.id(),
                    List.of(new TestFileProblem("", "cannot make a data folder: " + e)),
                    since(started));
        } finally {
            deleteQuietly(dataDir);
        }
    }

    private FlowTestResult runCases(FlowTestFile file, Flow flow, Path dataDir, long started) {
        CaseRecorder recorder = new CaseRecorder();
        Services services = new Services();
        // contracts come from the schemas folder beside the flow, as `run` finds them
        Path flowFile = file.flowFile() != null ? file.flowFile() : file.file();
        if (flowFile != null) {
            services.register(ContractSchemas.class, new ContractSchemas(SchemaRegistry.beside(flowFile)));
        }
        SecretResolver values = new SecretResolver(name -> file.env().getOrDefault(name, "test-" + name));
        EngineOptions options = new EngineOptions("127.0.0.1", 0, dataDir, Duration.ofSeconds(5));
        List<CaseResult> results = new ArrayList<>();
        try (Engine engine = new Engine(
                options,
                StubbedConnectors.catalog(catalog, recorder),
                values,
                services,
                new MemoryInbox(1_000, 1),
                recorder)) {
            engine.addRunListener(recorder);
            engine.start();
            for (TestCase testCase : file.cases()) {
                services.register(DedupeStore.class, new CaseRecorder.CaseDedupe());
                services.register(OnlineModelStore.class, new CaseRecorder.CaseOnlineModels());
                recorder.begin(testCase.stubs());
                try {
                    results.add(runCase(engine, flow, testCase, recorder));
                } catch (FlowCompileException e) {
                    return FlowTestResult.unrunnable(
                            file.file(),
                            flow.id(),
                            List.of(new TestFileProblem("", "the flow does not compile: " + e.getMessage())),
                            since(started));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FlowTestResult.unrunnable(
                    file.file(), flow.id(), List.of(new TestFileProblem("", "interrupted")), since(started));
        }
        return new FlowTestResult(file.file(), flow.id(), List.of(), results, since(started));
    }

    private static CaseResult runCase(Engine engine, Flow flow, TestCase testCase, CaseRecorder recorder)
            throws FlowCompileException, InterruptedException {
        long started = System.nanoTime();
        List<CaseFailure> failures = new ArrayList<>();
        engine.deploy(flow);
        try {
            for (PinnedEvent pinned : testCase.events()) {
                try {
                    engine.inject(flow.id(), pinned.trigger(), pinned.event());
                } catch (IllegalStateException e) {
                    // a run that was expected and did not start is the checks' business below
                    if (!rejectedByContract(e) || testCase.outcome() != RunOutcome.REJECTED) {
                        failures.add(new CaseFailure(
                                pinned.pointer(), "the event did not start a run: " + Causes.rootMessage(e)));
                    }
                    continue;
                }

                if (!recorder.awaitRuns(1, RUN_TIMEOUT)) {
                    failures.add(new CaseFailure(
                            pinned.pointer(),
                            "the run of event '" + pinned.event().id() + "' did not finish within "
                                    + RUN_TIMEOUT.toSeconds() + " s"));
                }
            }
        } finally {
            engine.undeploy(flow.id());
        }
        for (String nodeId : recorder.missingReplies().stream().distinct().toList()) {
            failures.add(new CaseFailure(
                    testCase.pointer(),
                    "http.request node '" + nodeId
                            + "' was called, but the case gives no stub for it: add \"stubs\": {\"" + nodeId
                            + "\": {\"reply\": {\"status\": 200, \"body\": …}}}"));
        }
        failures.addAll(new CaseCheck(flow, recorder.runs(), recorder.calls(), recorder.deadLetters()).check(testCase));
        return new CaseResult(testCase.name(), failures, since(started));
    }

    /**
     * The flow with every failure final: no {@code settings.retry}, no node {@code config.retry}
     * (stubbed actions drop their own policies too), so a failure goes to the error port or the dead
     * letters at once instead of leaving a retry due seconds later, perhaps in the next case.
     */
    static Flow withoutRetries(Flow flow) {
        List<Node> nodes = flow.nodes().stream()
                .map(node -> node.config().values().containsKey(FlowValidator.NODE_RETRY)
                        ? node.withConfig(node.config().without(FlowValidator.NODE_RETRY))
                        : node)
                .toList();
        return flow.withNodes(nodes).withSettings(flow.settings().without(FlowSettings.RETRY));
    }

    private static boolean rejectedByContract(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof EventRejectedException) {
                return true;
            }
        }
        return false;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** The data folder stays empty (every writer is stubbed); a leftover temporary folder is harmless. */
    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary folder left behind costs nothing; the results do not depend on it
            dir.toFile().deleteOnExit();
        }
    }
}
