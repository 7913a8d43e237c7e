package dev.switchboard.designer.viewmodel;

import dev.switchboard.runtime.flowtest.FlowTestCodec;
import dev.switchboard.runtime.flowtest.FlowTestFile;
import dev.switchboard.runtime.flowtest.FlowTestResult;
import dev.switchboard.runtime.flowtest.FlowTestRunner;
import dev.switchboard.runtime.flowtest.InvalidTestFileException;
import dev.switchboard.runtime.flowtest.PinnedCaseWriter;
import dev.switchboard.runtime.flowtest.TestFileProblem;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.store.RunQueries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tests tab: the cases of the open flow's {@code *.test.json} (beside its flow file), run
 * against the flow as it is in the designer (unsaved edits included), and pinning a traced run as
 * a new case. Reading, running and writing happen off the UI thread.
 */
public final class FlowTestsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(FlowTestsViewModel.class);

    /** How a case stands: not run since the file was read, passed, or failed. */
    public enum Status {
        NOT_RUN,
        PASSED,
        FAILED
    }

    /**
     * One case as the tab lists it.
     *
     * @param detail the failures with their differences, one per line (empty when it passed or did not run)
     */
    public record CaseRow(String name, Status status, long millis, String detail) {}

    private final DesignerViewModel doc;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<Path> testFile = new ReadOnlyObjectWrapper<>();
    private final ObservableList<CaseRow> cases = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public FlowTestsViewModel(DesignerViewModel doc, Executor background, Executor ui) {
        this.doc = doc;
        this.background = background;
        this.ui = ui;
        testFile.bind(doc.files().fileProperty().map(FlowTestsViewModel::testFileOf));
        testFile.addListener((obs, o, now) -> reload());
        reload();
    }

    /** The application's: one background thread of its own, results on the FX thread. */
    public static FlowTestsViewModel fx(DesignerViewModel doc) {
        Executor background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "designer-flow-tests");
            t.setDaemon(true);
            return t;
        });
        return new FlowTestsViewModel(doc, background, Platform::runLater);
    }

    /** {@code orders.flow.json} is tested by {@code orders.test.json} beside it; an unsaved flow has none. */
    static Path testFileOf(Path flowFile) {
        String name = flowFile.getFileName().toString();
        String base = name.endsWith(".flow.json")
                ? name.substring(0, name.length() - ".flow.json".length())
                : name.replaceFirst("\\.json$", "");
        return flowFile.resolveSibling(base + FlowTestCodec.SUFFIX);
    }

    /** The test file of the open flow, or null while the flow is unsaved. */
    public ReadOnlyObjectProperty<Path> testFileProperty() {
        return testFile.getReadOnlyProperty();
    }

    public ObservableList<CaseRow> cases() {
        return cases;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True while the file is read, run or written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Reads the test file again and lists its cases, none run yet. */
    public void reload() {
        Path file = testFile.get();
        if (file == null) {
            cases.clear();
            summary.set("Save the flow: its tests live beside it in a .test.json file");
            return;
        }
        work(() -> read(file), read -> {
            cases.setAll(read.cases().stream()
                    .map(c -> new CaseRow(c.name(), Status.NOT_RUN, 0, ""))
                    .toList());
            summary.set(read.message());
        });
    }

    /** Runs every case against the flow as it is now in the designer. */
    public void runAll() {
        Path file = testFile.get();
        if (file == null) {
            summary.set("Save the flow first: its tests live beside it");
            return;
        }
        Flow flow = doc.flow();
        work(() -> run(file, flow), result -> {
            if (!result.problems().isEmpty()) {
                cases.clear();
                summary.set(problems(file, result.problems()));
                return;
            }
            cases.setAll(result.cases().stream().map(FlowTestsViewModel::row).toList());
            long failed = result.failedCases();
            summary.set(result.cases().size() + " case(s): " + (result.cases().size() - failed) + " passed, " + failed
                    + " failed (" + result.duration().toMillis() + " ms)");
        });
    }

    /**
     * Appends {@code run} (a traced run of the open flow) to the test file as case {@code name},
     * then lists the file's cases again.
     */
    public void pin(String name, RunQueries.RunPath run) {
        Path file = testFile.get();
        if (file == null) {
            summary.set("Save the flow first: the case is written beside it");
            return;
        }
        if (name == null || name.isBlank()) {
            summary.set("Name the case first");
            return;
        }
        if (run == null) {
            summary.set("Trace a run of this flow first (Messages, Runs or Trace): that run is what gets pinned");
            return;
        }
        Flow flow = doc.flow();
        work(
                () -> {
                    try {
                        PinnedCaseWriter.Pinned pinned =
                                PinnedCaseWriter.append(file, name.strip(), flow, doc.catalog(), run);
                        return new Read(
                                pinned.file().cases(),
                                "Pinned '" + name.strip() + "' to " + file.getFileName()
                                        + (pinned.skipped().isEmpty()
                                                ? ""
                                                : " (no expectation for " + String.join(", ", pinned.skipped())
                                                        + ": its stored snapshot was cut)"));
                    } catch (InvalidTestFileException e) {
                        return new Read(List.of(), "Not pinned: " + problems(file, e.problems()));
                    } catch (IOException | IllegalArgumentException e) {
                        return new Read(List.of(), "Not pinned: " + e.getMessage());
                    }
                },
                read -> {
                    if (!read.cases().isEmpty()) {
                        cases.setAll(read.cases().stream()
                                .map(c -> new CaseRow(c.name(), Status.NOT_RUN, 0, ""))
                                .toList());
                    }
                    summary.set(read.message());
                    doc.statusProperty().set(read.message());
                });
    }

    private record Read(List<FlowTestFile.TestCase> cases, String message) {}

    private static Read read(Path file) {
        if (!Files.exists(file)) {
            return new Read(
                    List.of(),
                    "No " + file.getFileName()
                            + " yet: trace a run and pin it as a case, or write one (docs/flow-tests.md)");
        }
        try {
            FlowTestFile read = FlowTestCodec.read(file);
            return new Read(read.cases(), read.cases().size() + " case(s), not run yet");
        } catch (InvalidTestFileException e) {
            return new Read(List.of(), problems(file, e.problems()));
        } catch (IOException e) {
            return new Read(List.of(), "Cannot read " + file.getFileName() + ": " + e.getMessage());
        }
    }

    private FlowTestResult run(Path file, Flow flow) {
        FlowTestRunner runner = new FlowTestRunner(doc.catalog());
        try {
            return runner.run(FlowTestCodec.read(file), flow);
        } catch (InvalidTestFileException e) {
            return new FlowTestResult(file, flow.id(), e.problems(), List.of(), java.time.Duration.ZERO);
        } catch (IOException e) {
            return new FlowTestResult(
                    file,
                    flow.id(),
                    List.of(new TestFileProblem("", "cannot read the file: " + e.getMessage())),
                    List.of(),
                    java.time.Duration.ZERO);
        }
    }

    private static CaseRow row(FlowTestResult.CaseResult c) {
        String detail = c.failures().stream()
                .map(f -> f.pointer() + ": " + f.message()
                        + f.differences().stream()
                                .map(d -> "\n    " + d.pointer() + ": expected " + d.expected() + ", actual "
                                        + d.actual())
                                .collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
        return new CaseRow(
                c.name(),
                c.passed() ? Status.PASSED : Status.FAILED,
                c.duration().toMillis(),
                detail);
    }

    private static String problems(Path file, List<TestFileProblem> problems) {
        return file.getFileName() + " cannot run: "
                + problems.stream()
                        .map(p -> (p.pointer().isEmpty() ? "" : p.pointer() + ": ") + p.message())
                        .collect(Collectors.joining("; "));
    }

    private <T> void work(java.util.function.Supplier<T> task, java.util.function.Consumer<T> done) {
        busy.set(true);
        background.execute(() -> {
            try {
                T result = task.get();
                ui.execute(() -> {
                    busy.set(false);
                    done.accept(result);
                });
            } catch (RuntimeException e) {
                LOG.warn("Flow tests failed", e);
                ui.execute(() -> {
                    busy.set(false);
                    summary.set("Flow tests failed: " + RunHost.message(e));
                });
            }
        });
    }
}
