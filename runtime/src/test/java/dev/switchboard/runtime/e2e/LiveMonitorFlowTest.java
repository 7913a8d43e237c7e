package dev.switchboard.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.support.Json;
import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.live.LiveMessage;
import dev.switchboard.runtime.live.LiveMonitor;
import dev.switchboard.runtime.live.LiveSnapshot;
import dev.switchboard.runtime.live.NodeKey;
import dev.switchboard.runtime.live.NodeStats;
import dev.switchboard.runtime.model.Flow;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The designer's live view on a real engine: injected events show up as per-node counters and messages. */
class LiveMonitorFlowTest {
    @TempDir
    Path data;

    static long[] counts(LiveSnapshot snapshot, String nodeId) {
        NodeStats s = snapshot.nodes().get(new NodeKey("live-leads", nodeId));
        return s == null ? new long[0] : new long[] {s.in(), s.out(), s.filtered(), s.errors()};
    }

    @Test
    void injectedEventsShowAsCountersPerNodeAndOneMessagePerStep() throws Exception {
        LiveMonitor monitor = new LiveMonitor(LiveMonitor.DEFAULT_CAPACITY);
        try (Engine engine = Flows.engine(data)) {
            Flow flow = InjectEventTest.hotLeads("live-leads", "/hooks/live-leads", "live-leads");
            engine.deploy(flow);
            monitor.watch(flow);
            engine.addRunListener(monitor);

            for (int score : new int[] {80, 10, 90, 20, 70}) {
                engine.inject(
                        "live-leads",
                        "hook",
                        Event.create("/designer", "dev.switchboard.sample", Json.parse("{\"score\": " + score + "}")));
            }

            await().until(() -> monitor.snapshot(0).messages().size() == 13);
            LiveSnapshot snapshot = monitor.snapshot(0);
            assertThat(counts(snapshot, "hook")).containsExactly(5, 5, 0, 0);
            assertThat(counts(snapshot, "hot")).containsExactly(5, 3, 2, 0);
            assertThat(counts(snapshot, "out")).containsExactly(3, 3, 0, 0);
            assertThat(snapshot.messages())
                    .filteredOn(m -> m.nodeId().equals("hot"))
                    .extracting(LiveMessage::port)
                    .containsOnly("matched", "unmatched");
            assertThat(snapshot.messages())
                    .filteredOn(m -> "unmatched".equals(m.port()))
                    .allSatisfy(m ->
                            assertThat(m.input().data().path("score").asInt()).isLessThan(50));
            assertThat(CaptureConnector.events("live-leads")).hasSize(3);
        }
    }
}
