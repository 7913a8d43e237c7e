package dev.switchboard.runtime;

import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/** The runtime's invariants from ARCHITECTURE.md, checked on its main classes. */
@AnalyzeClasses(packages = "dev.switchboard.runtime", importOptions = ImportOption.DoNotIncludeTests.class)
class RuntimeArchitectureTest {
    private static final String RUNTIME = "dev.switchboard.runtime.";

    /**
     * Jackson edges outside {@code runtime.format}, each for a reason: the CLI's {@code --json}
     * outputs (docs/cli.md) and the admin API (docs/admin-api.md) build their documents with
     * Jackson's tree ({@code runtime.report} is shared by both); {@code SchemaCheck} runs the
     * published JSON Schema, which needs the file's raw tree before there is a model; and
     * {@code SecretMask} blanks secrets out of event data, which is a Jackson tree in the SPI's
     * {@code Event}; flow tests read their {@code *.test.json} files ({@code FlowTestCodec}, {@code
     * FlowTestSchema}) and turn event data into plain values to match ({@code FlowTestJson}), and the designer pins a run as a case ({@code PinnedCaseWriter}). {@code CamelYamlWriter} writes {@code switchboard export}'s Camel YAML DSL with Jackson's YAML generator. The data contracts' registry ({@code runtime.contract}) reads schema files and compares and runs JSON Schemas, which are JSON trees, and checks event data, a Jackson tree. Anything else reads and writes flows through {@code FlowCodec}.
     */
    static final List<String> JACKSON_EDGES = List.of(
            RUNTIME + "report.ReportJson",
            RUNTIME + "report.RunsJson",
            RUNTIME + "report.DeadLettersJson",
            RUNTIME + "admin.AdminJson",
            RUNTIME + "cli.ValidationReportJson",
            RUNTIME + "validate.SchemaCheck",
            // words json-schema-validator's findings, which carry the JSON values they found and expected
            RUNTIME + "validate.SchemaMessages",
            RUNTIME + "secrets.SecretMask",
            RUNTIME + "store.CompactSteps",
            RUNTIME + "flowtest.FlowTestCodec",
            RUNTIME + "flowtest.FlowTestSchema",
            RUNTIME + "flowtest.FlowTestJson",
            RUNTIME + "export.CamelYamlWriter",
            RUNTIME + "contract.SchemaRegistry",
            RUNTIME + "contract.RegisteredSchema",
            RUNTIME + "contract.ContractSchemas",
            RUNTIME + "contract.CompatibilityChecker",
            RUNTIME + "contract.CompatibilityRule",
            RUNTIME + "contract.TypeRule",
            RUNTIME + "contract.EnumRule",
            RUNTIME + "contract.PropertiesRule",
            RUNTIME + "contract.AdditionalPropertiesRule",
            RUNTIME + "contract.ItemsRule",
            RUNTIME + "contract.BoundsRule",
            RUNTIME + "contract.OtherKeywordsRule",
            RUNTIME + "contract.ClassifiedFields",

            // policies.json is read here, and masking edits event data, which is a Jackson tree
            RUNTIME + "policy.PoliciesFile",
            RUNTIME + "policy.PolicySchemaMessages",
            RUNTIME + "policy.FieldMasker",
            RUNTIME + "flowtest.PinnedCaseWriter");

    @ArchTest
    static final ArchRule modelIsPlainJava = noClasses()
            .that()
            .resideInAPackage("dev.switchboard.runtime.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.camel..", "com.fasterxml.jackson..")
            .because("the flow model is immutable plain Java: the format maps it to JSON, the compiler to Camel");

    @ArchTest
    static final ArchRule jacksonOnlyAtTheJsonEdges = noClasses()
            .that()
            .resideOutsideOfPackage("dev.switchboard.runtime.format..")
            .and(are(not(belongingToAnyOf(JACKSON_EDGES))))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.fasterxml.jackson..")
            .because("Jackson touches flows only in runtime.format; the other JSON edges are listed in JACKSON_EDGES");

    @ArchTest
    static final ArchRule runtimeIsHeadless = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "dev.switchboard.designer..")
            .because("dependencies point one way (connectors ← runtime ← designer) and the runtime runs headless");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.switchboard.runtime.(*)..")
            .should()
            .beFreeOfCycles()
            .because("each top-level package is one subsystem; the compiler is part of the engine (engine.compile), "
                    + "building routes against the engine's inbox, tracker and node supervision");

    /** A class named in {@code names}, or one nested in it (records, lambdas' holders, anonymous classes). */
    static DescribedPredicate<JavaClass> belongingToAnyOf(List<String> names) {
        return DescribedPredicate.describe(
                "one of " + names,
                c -> names.stream()
                        .anyMatch(n -> c.getName().equals(n) || c.getName().startsWith(n + "$")));
    }

    private static DescribedPredicate<JavaClass> not(DescribedPredicate<JavaClass> predicate) {
        return DescribedPredicate.not(predicate);
    }
}
