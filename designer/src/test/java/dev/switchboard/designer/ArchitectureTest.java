package dev.switchboard.designer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.switchboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule viewModelsDoNotKnowControls = noClasses()
            .that().resideInAPackage("..designer.viewmodel..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "..designer.view..")
            .because("view-models are plain classes with properties, unit-tested without a window (MVVM)");

    @ArchTest
    static final ArchRule designerModelIsPlainJava = noClasses()
            .that().resideInAnyPackage("..designer.model..", "..designer.edit..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "..designer.viewmodel..", "..designer.view..")
            .because("the designer's model and undo jobs are plain Java: testable and reusable without JavaFX");

    @ArchTest
    static final ArchRule runningFlowsIsPlainJava = noClasses()
            .that().resideInAPackage("..designer.run..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "..designer.viewmodel..", "..designer.view..")
            .because("the embedded run session is driven off the UI thread and tested without a window");

    @ArchTest
    static final ArchRule runtimeNeverUsesTheDesigner = noClasses()
            .that().resideInAnyPackage("dev.switchboard.runtime..", "dev.switchboard.connector..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.designer..", "javafx..")
            .because("dependencies point one way: connectors ← runtime ← designer, and the runtime runs headless");

    @ArchTest
    static final ArchRule viewsDoNotEditTheFlowDirectly = noClasses()
            .that().resideInAPackage("..designer.view..")
            .should().dependOnClassesThat().resideInAnyPackage("..designer.edit..")
            .because("every edit goes through the view-model so that it is undoable and tested");
}
