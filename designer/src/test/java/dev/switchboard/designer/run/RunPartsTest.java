package dev.switchboard.designer.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPartsTest {
    @TempDir
    Path temp;

    static Flow flow(String id, String subscribeTopic, String publishTopic) throws Exception {
        StringBuilder nodes = new StringBuilder();
        nodes.append(
                subscribeTopic == null
                        ? "{\"id\": \"in\", \"type\": \"webhook\", \"config\": {\"path\": \"/hooks/" + id + "\"}}"
                        : "{\"id\": \"in\", \"type\": \"event.subscribe\", \"config\": {\"topic\": \"" + subscribeTopic
                                + "\"}}");
        if (publishTopic != null) {
            nodes.append(", {\"id\": \"out\", \"type\": \"event.publish\", \"config\": {\"topic\": \"" + publishTopic
                    + "\"}}");
        }
        return FlowCodec.read("{\"format\": \"switchboard/flow@1\", \"id\": \"" + id + "\", \"nodes\": [" + nodes
                + "], \"wires\": [" + (publishTopic == null ? "" : "{\"from\": \"in\", \"to\": \"out\"}") + "]}");
    }

    @Test
    void subscribersAreFoundDownTheChainButNotUnrelatedFlowsOrTheOpenOneItself() throws Exception {
        Flow open = flow("orders", null, "orders.created");
        List<Flow> candidates = List.of(
                flow("orders", "orders.created", null), // an older copy of the open flow on disk
                flow("audit", "orders.created", "orders.audited"),
                flow("report", "orders.audited", null),
                flow("other", "invoices.created", null));

        assertThat(RelatedFlows.subscribersOf(open, candidates))
                .extracting(Flow::id)
                .containsExactly("audit", "report");
    }

    @Test
    void subscribersAreReadFromTheFolderSkippingFilesThatAreNotFlows() throws Exception {
        Files.writeString(temp.resolve("audit.flow.json"), FlowCodec.write(flow("audit", "orders.created", null)));
        Files.writeString(temp.resolve("broken.flow.json"), "{");
        Files.writeString(temp.resolve("notes.json"), "{}");

        assertThat(RelatedFlows.subscribersOf(flow("orders", null, "orders.created"), temp))
                .extracting(Flow::id)
                .containsExactly("audit");
        assertThat(RelatedFlows.subscribersOf(flow("orders", null, "orders.created"), (Path) null))
                .isEmpty();
    }

    @Test
    void sampleDataBecomesAnEventOfTheTriggersTypeAndSource() throws Exception {
        Node trigger = flow("orders", null, null).node("in").orElseThrow();
        Event event = InjectSamples.toEvent("{\"order\": 7}", "orders", trigger, "webhook.received");

        assertThat(event.source()).isEqualTo("/switchboard/flows/orders/in");
        assertThat(event.type()).isEqualTo("webhook.received");
        assertThat(event.data().path("order").asInt()).isEqualTo(7);
        assertThat(InjectSamples.toEvent("{}", "orders", trigger, null).type()).isEqualTo(InjectSamples.DEFAULT_TYPE);
        assertThat(InjectSamples.toEvent("{}", "orders", trigger, null).id()).isNotEqualTo(event.id());
    }

    @Test
    void aWholeCloudEventIsTakenAsItIs() throws Exception {
        Node trigger = flow("orders", null, null).node("in").orElseThrow();
        Event event = InjectSamples.toEvent("""
                {"specversion": "1.0", "id": "evt-1", "source": "/shop", "type": "order.created", "subject": "o-7",
                 "tenant": "acme", "data": {"order": 7}}""", "orders", trigger, "webhook.received");

        assertThat(event)
                .extracting(Event::id, Event::source, Event::type, Event::subject)
                .containsExactly("evt-1", "/shop", "order.created", "o-7");
        assertThat(event.extensions()).isEqualTo(Map.of("tenant", "acme"));
    }

    @Test
    void badSamplesAreRefusedWithWhereTheyBroke() throws Exception {
        Node trigger = flow("orders", null, null).node("in").orElseThrow();
        assertThatThrownBy(() -> InjectSamples.toEvent("{\"a\": }", "orders", trigger, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not valid JSON")
                .hasMessageContaining("(line 1, column");
        assertThatThrownBy(() -> InjectSamples.toEvent("  ", "orders", trigger, null))
                .hasMessage("The sample is empty: write the event's data as JSON");
    }

    @Test
    void samplesAreRememberedPerTriggerAcrossSessions() {
        InjectSamples first = InjectSamples.in(temp);
        first.remember("orders", "in", "{\"order\": 7}");
        first.remember("orders", "other", "{}");

        InjectSamples later = InjectSamples.in(temp);
        assertThat(later.remembered("orders", "in")).contains("{\"order\": 7}");
        assertThat(later.remembered("audit", "in")).isEmpty();
    }

    @Test
    void theDataFolderIsTheUsersNotTheWorkingDirectory() {
        Map<String, String> linux = Map.of("user.home", "/home/ada", "os.name", "Linux");
        assertThat(UserDataFolder.resolve(linux::get, k -> null))
                .isEqualTo(Path.of("/home/ada/.local/share/switchboard"));
        assertThat(UserDataFolder.resolve(linux::get, Map.of("XDG_DATA_HOME", "/data")::get))
                .isEqualTo(Path.of("/data/switchboard"));
        assertThat(UserDataFolder.resolve(Map.of("user.home", "/Users/ada", "os.name", "Mac OS X")::get, k -> null))
                .isEqualTo(Path.of("/Users/ada/Library/Application Support/Switchboard"));
        assertThat(UserDataFolder.resolve(
                        Map.of("user.home", "/h", "os.name", "Linux", UserDataFolder.PROPERTY, "/tmp/sb")::get,
                        k -> null))
                .isEqualTo(Path.of("/tmp/sb"));
    }
}
