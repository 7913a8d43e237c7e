package dev.switchboard.connector;

import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/** The connectors' invariants from ARCHITECTURE.md, checked on their main classes. */
@AnalyzeClasses(packages = "dev.switchboard.connector", importOptions = ImportOption.DoNotIncludeTests.class)
class ConnectorsArchitectureTest {
    private static final String CONNECTOR = "dev.switchboard.connector.";
    private static final String JSON = CONNECTOR + "support.Json";

    /**
     * Classes that read or build event data, which is a Jackson tree ({@code Event.data()} is a
     * {@code JsonNode}): the SPI's {@code Event}, the rule engine, and the connectors that turn
     * what they receive (HTTP bodies, records, rows, mails, files, ticks) into event data or event
     * data into what they send. Everything in {@code connector.support} may too.
     */
    static final List<String> EVENT_DATA_EDGES = List.of(
            CONNECTOR + "spi.Event",
            CONNECTOR + "rules.Rule",
            CONNECTOR + "rules.JsonValues",
            CONNECTOR + "filewatch.FileParser",
            CONNECTOR + "saas.github.GitHubApi",
            CONNECTOR + "saas.github.GitHubCommentConnector",
            CONNECTOR + "saas.github.GitHubIssueConnector",
            CONNECTOR + "http.ApiCalls",
            CONNECTOR + "http.HttpResponses",
            CONNECTOR + "http.JsonTemplate",
            CONNECTOR + "http.RequestTemplate",
            CONNECTOR + "saas.hubspot.HubSpotContactConnector",
            CONNECTOR + "http.TemplateText",
            CONNECTOR + "ingress.IngressAnswer",
            CONNECTOR + "kafka.RecordToEvent",
            CONNECTOR + "log.LogLine",
            CONNECTOR + "mail.MailEvents",
            CONNECTOR + "map.Mapping",
            CONNECTOR + "decision.DataField",
            CONNECTOR + "map.JsonataExpression",
            CONNECTOR + "split.SplitParts",
            CONNECTOR + "batch.BatchCollector",
            CONNECTOR + "pubsub.TopicProducer",
            CONNECTOR + "schedule.ScheduleConnector",
            CONNECTOR + "saas.slack.SlackPostConnector",
            CONNECTOR + "sql.SqlExecConnector",
            CONNECTOR + "sql.SqlValues",
            CONNECTOR + "webhook.WebhookEvents",
            CONNECTOR + "webhook.WebhookExchanges",
            CONNECTOR + "saas.Delivery",
            CONNECTOR + "saas.DeliveryReader",
            CONNECTOR + "saas.SaasExchanges",
            CONNECTOR + "saas.github.GitHubConnector",
            CONNECTOR + "saas.hubspot.HubSpotConnector",
            CONNECTOR + "saas.shopify.ShopifyConnector",
            CONNECTOR + "saas.slack.SlackEventsConnector",
            CONNECTOR + "saas.stripe.StripeConnector");

    /**
     * Classes that parse bytes or text into a tree with {@code Json.MAPPER} itself (request and
     * response bodies, a template that must render JSON) rather than through a {@code Json} method.
     */
    static final List<String> MAPPER_USERS = List.of(
            CONNECTOR + "http.HttpResponses", CONNECTOR + "http.RequestTemplate", CONNECTOR + "webhook.WebhookEvents");

    @ArchTest
    static final ArchRule connectorsKnowNothingAbove = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.switchboard.runtime..", "dev.switchboard.designer..", "javafx..")
            .because(
                    "dependencies point one way: connectors ← runtime ← designer; a connector knows only its own node");

    @ArchTest
    static final ArchRule jsonIsTheOneMapper = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(JSON)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "com.fasterxml.jackson.core..",
                    "com.fasterxml.jackson.datatype..",
                    "com.fasterxml.jackson.annotation..",
                    "com.fasterxml.jackson.databind.json..",
                    "com.fasterxml.jackson.databind.cfg..",
                    "com.fasterxml.jackson.databind.module..",
                    "com.fasterxml.jackson.databind.ser..",
                    "com.fasterxml.jackson.databind.deser..")
            .orShould()
            .callConstructorWhere(ownerIsA("com.fasterxml.jackson.databind.ObjectMapper"))
            .because(
                    "Json holds the one event mapper (CloudEvents JSON); other classes use its tree, never their own mapper");

    @ArchTest
    static final ArchRule mapperOnlyWhereBytesAreParsed = noClasses()
            .that()
            .resideOutsideOfPackage("dev.switchboard.connector.support..")
            .and(are(not(belongingToAnyOf(MAPPER_USERS))))
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("com.fasterxml.jackson.databind.ObjectMapper")
            .because("parsing goes through Json; the classes that use Json.MAPPER directly are listed in MAPPER_USERS");

    @ArchTest
    static final ArchRule jacksonOnlyForEventData = noClasses()
            .that()
            .resideOutsideOfPackage("dev.switchboard.connector.support..")
            .and(are(not(belongingToAnyOf(EVENT_DATA_EDGES))))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.fasterxml.jackson..")
            .because("connectors see their config as ConfigValue/NodeConfig; Jackson is for event data, "
                    + "in the classes listed in EVENT_DATA_EDGES");

    /** A class named in {@code names}, or one nested in it (records, anonymous classes). */
    static DescribedPredicate<JavaClass> belongingToAnyOf(List<String> names) {
        return DescribedPredicate.describe(
                "one of " + names,
                c -> names.stream()
                        .anyMatch(n -> c.getName().equals(n) || c.getName().startsWith(n + "$")));
    }

    private static DescribedPredicate<com.tngtech.archunit.core.domain.JavaConstructorCall> ownerIsA(String type) {
        return DescribedPredicate.describe(
                "the constructor of a " + type, call -> call.getTargetOwner().isAssignableTo(type));
    }

    private static DescribedPredicate<JavaClass> not(DescribedPredicate<JavaClass> predicate) {
        return DescribedPredicate.not(predicate);
    }
}
