package dev.switchboard.designer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

@AnalyzeClasses(packages = "dev.switchboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule viewModelsDoNotKnowControls = noClasses()
            .that()
            .resideInAPackage("..designer.viewmodel..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "..designer.view..")
            .because("view-models are plain classes with properties, unit-tested without a window (MVVM)");

    @ArchTest
    static final ArchRule designerModelIsPlainJava = noClasses()
            .that()
            .resideInAnyPackage("..designer.model..", "..designer.edit..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "..designer.viewmodel..", "..designer.view..")
            .because("the designer's model and undo jobs are plain Java: testable and reusable without JavaFX");

    @ArchTest
    static final ArchRule runningFlowsIsPlainJava = noClasses()
            .that()
            .resideInAPackage("..designer.run..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "..designer.viewmodel..", "..designer.view..")
            .because("the embedded run session is driven off the UI thread and tested without a window");

    @ArchTest
    static final ArchRule runtimeNeverUsesTheDesigner = noClasses()
            .that()
            .resideInAnyPackage("dev.switchboard.runtime..", "dev.switchboard.connector..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.switchboard.designer..", "javafx..")
            .because("dependencies point one way: connectors ← runtime ← designer, and the runtime runs headless");

    @ArchTest
    static final ArchRule viewsDoNotEditTheFlowDirectly = noClasses()
            .that()
            .resideInAPackage("..designer.view..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..designer.edit..")
            .because("every edit goes through the view-model so that it is undoable and tested");

    /**
     * What views may take from the runtime's service packages: values that view-models hand them
     * (a problem, a run's status, run history rows, a dead letter) and the exception opening a
     * malformed file throws. A name ending in {@code $} stands for the classes nested in it.
     */
    static final List<String> RUNTIME_VALUES_IN_VIEWS = List.of(
            "dev.switchboard.runtime.validate.Problem",
            "dev.switchboard.runtime.format.MalformedFlowException",
            "dev.switchboard.runtime.engine.RunRecord$RunStatus",
            "dev.switchboard.runtime.store.DeadLetter",
            "dev.switchboard.runtime.store.RunQueries$");

    @ArchTest
    static final ArchRule viewsReachTheRuntimeThroughViewModels = noClasses()
            .that()
            .resideInAPackage("..designer.view..")
            .should()
            .dependOnClassesThat(DescribedPredicate.describe(
                    "are the run session, Camel, a Markdown parser or a runtime service (not one of "
                            + RUNTIME_VALUES_IN_VIEWS + ")",
                    ArchitectureTest::isServiceForViews))
            .because(
                    "views show what view-models give them; running, validating, parsing and storing are the view-models' "
                            + "job (MVVM), so that they are tested without a window");

    private static boolean isServiceForViews(JavaClass c) {
        String name = c.getName();
        if (RUNTIME_VALUES_IN_VIEWS.stream().anyMatch(v -> v.endsWith("$") ? name.startsWith(v) : name.equals(v))) {
            return false;
        }
        return name.startsWith("dev.switchboard.designer.run.")
                || name.startsWith("org.apache.camel.")
                || name.startsWith("org.commonmark.parser.")
                || List.of("engine", "compile", "secrets", "cli", "broker", "store", "validate", "format").stream()
                        .anyMatch(p -> c.getPackageName().equals("dev.switchboard.runtime." + p));
    }
}
