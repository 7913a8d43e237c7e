package dev.switchboard.runtime.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.rules.RuleSet;
import dev.switchboard.connector.spi.Destination;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldMaskerTest {
    static final Event ORDER = Event.create("/test", "order", Json.parse("""
                    {"email": "ada@example.com", "card": {"number": "4111111111111111"},
                     "items": [{"card": "5500005555555559"}, {"card": "340000000000009"}, {"sku": "x"}],
                     "region": "eu"}
                    """));

    static MaskRule rule(String name, MaskMethod method, String... fields) {
        return new MaskRule(name, List.of(fields).stream().map(MaskPath::parse).toList(), method, List.of());
    }

    @Test
    void redactsHashesAndKeepsLastFourWithoutTouchingTheEvent() {
        FieldMasker masker = new FieldMasker(new Policies(
                List.of(
                        rule("cards", MaskMethod.LAST4, "data.card.number", "data.items[*].card"),
                        rule("emails", MaskMethod.HASH, "data.email")),
                List.of(),
                "key".getBytes(StandardCharsets.UTF_8)));

        FieldMasker.Masked masked = masker.mask(ORDER);

        assertThat(masked.rules()).containsExactly("cards", "emails");
        assertThat(masked.event().data().at("/card/number").asText()).isEqualTo("***1111");
        assertThat(masked.event().data().at("/items/0/card").asText()).isEqualTo("***5559");
        assertThat(masked.event().data().at("/items/1/card").asText()).isEqualTo("***0009");
        assertThat(masked.event().data().at("/items/2/sku").asText()).isEqualTo("x");
        // HMAC-SHA256("key", "ada@example.com"): the same value always gives the same text
        assertThat(masked.event().data().path("email").asText())
                .startsWith("hmac-sha256:")
                .hasSize("hmac-sha256:".length() + 64)
                .isEqualTo(masker.mask(ORDER).event().data().path("email").asText());
        assertThat(ORDER.data().at("/card/number").asText()).isEqualTo("4111111111111111");
        assertThat(masked.event().id()).isEqualTo(ORDER.id());
    }

    @Test
    void anEventWithoutTheFieldsIsLeftAsItIs() {
        FieldMasker masker = new FieldMasker(
                new Policies(List.of(rule("r", MaskMethod.REDACT, "data.ssn", "data.items[7].card")), List.of(), null));

        FieldMasker.Masked masked = masker.mask(ORDER);

        assertThat(masked.changed()).isFalse();
        assertThat(masked.event()).isSameAs(ORDER);
    }

    @Test
    void valuesQuotedInFreeTextAreBlanked() {
        FieldMasker masker = new FieldMasker(
                new Policies(List.of(rule("r", MaskMethod.REDACT, "data.card.number", "data.email")), List.of(), null));

        String text = masker.maskValues(
                "HTTP 500: {\"card\":\"4111111111111111\",\"to\":\"ada@example.com\"}", List.of(ORDER));

        assertThat(text).isEqualTo("HTTP 500: {\"card\":\"***\",\"to\":\"***\"}");
    }

    @Test
    void onlyRulesNamingTheDestinationMaskWhatIsSentThere() {
        MaskRule crm = new MaskRule(
                "crm",
                List.of(MaskPath.parse("data.email")),
                MaskMethod.REDACT,
                List.of("http://crm.local/*", "kafka:audit-*"));
        FieldMasker masker = new FieldMasker(new Policies(List.of(crm), List.of(), null));

        assertThat(masker.maskForDestination(ORDER, "http://crm.local/contacts")
                        .event()
                        .data()
                        .path("email")
                        .asText())
                .isEqualTo("***");
        assertThat(masker.maskForDestination(ORDER, "kafka:audit-eu").changed()).isTrue();
        assertThat(masker.maskForDestination(ORDER, "http://erp.local/orders").changed())
                .isFalse();
    }

    @Test
    void routingAllowsListedHostsAndTopicsOnlyForMatchingEvents() {
        List<dev.switchboard.connector.spi.ConfigProblem> problems = new ArrayList<>();
        RuleSet eu = RuleSet.read(
                new NodeConfig(ConfigValue.object(
                        "rules",
                        ConfigValue.list(ConfigValue.object("field", "data.region", "op", "eq", "value", "eu")))),
                "",
                problems);
        assertThat(problems).isEmpty();
        CentralPolicies policies = CentralPolicies.of(
                new Policies(
                        List.of(),
                        List.of(new RoutingRule("eu-only", eu, List.of("*.eu.example.com"), List.of("eu-*"))),
                        null),
                null);
        Destination http = Destination.url("https://{{data.host}}/x");
        Destination kafka = Destination.topic("kafka", "orders");

        assertThat(policies.route("f", "n", ORDER, http, "https://api.eu.example.com/x")
                        .blocked())
                .isFalse();
        RoutingVerdict us = policies.route("f", "n", ORDER, http, "https://api.us.example.com/x");
        assertThat(us.blocked()).isTrue();
        assertThat(us.decisions())
                .extracting(PolicyDecision::summary)
                .containsExactly("eu-only: blocked api.us.example.com");
        assertThat(policies.route("f", "n", ORDER, kafka, "eu-orders").blocked())
                .isFalse();
        assertThat(policies.route("f", "n", ORDER, kafka, "us-orders").blocked())
                .isTrue();
        assertThat(policies.route("f", "n", ORDER, http, "not a url").blocked()).isTrue();
        Event us1 = ORDER.withData(Json.parse("{\"region\": \"us\"}"));
        assertThat(policies.route("f", "n", us1, http, "https://api.us.example.com/x")
                        .decisions())
                .isEmpty();
    }

    @Test
    void sealedEventsOpenOnlyWithTheirKey() {
        EventSeal seal = EventSeal.fromPassphrase("one key".toCharArray());
        String sealed = seal.seal("{\"card\":\"4111111111111111\"}");

        assertThat(sealed).startsWith(EventSeal.PREFIX).doesNotContain("4111");
        assertThat(seal.open(sealed)).isEqualTo("{\"card\":\"4111111111111111\"}");
        assertThat(seal.open("{\"plain\":1}")).isEqualTo("{\"plain\":1}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        EventSeal.fromPassphrase("other key".toCharArray()).open(sealed))
                .isInstanceOf(EventSeal.SealException.class);
    }

    @Test
    void rowsSealedWhileMaskingAppliedStillOpenOnceThePoliciesAreGone() {
        EventSeal seal = EventSeal.fromPassphrase("vault key".toCharArray());
        FieldMasker cards = new FieldMasker(
                new Policies(List.of(rule("cards", MaskMethod.REDACT, "data.card.number")), List.of(), null));
        String sealedRow = new EventsAtRest(seal, cards, true).write(ORDER);
        EventsAtRest withoutPolicies = new EventsAtRest(seal, new FieldMasker(Policies.NONE), false);

        assertThat(sealedRow).startsWith(EventSeal.PREFIX);
        assertThat(withoutPolicies.read(sealedRow).data()).isEqualTo(ORDER.data());
        assertThat(withoutPolicies.write(ORDER)).startsWith("{");
        assertThat(EventsAtRest.PLAIN.shown(sealedRow)).isEqualTo(EventsAtRest.SEALED_NOTE);
        assertThat(new EventsAtRest(seal, cards, true).shown(sealedRow)).contains("\"number\":\"***\"");
        EventsAtRest otherKey = new EventsAtRest(EventSeal.fromPassphrase("other".toCharArray()), cards, true);
        assertThat(otherKey.shown(sealedRow)).isEqualTo(EventsAtRest.SEALED_WITH_ANOTHER_KEY);
    }
}
