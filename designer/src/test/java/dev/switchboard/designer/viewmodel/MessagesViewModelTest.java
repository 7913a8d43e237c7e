package dev.switchboard.designer.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.live.LiveMessage;
import dev.switchboard.runtime.live.LiveSnapshot;
import dev.switchboard.runtime.live.NodeKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MessagesViewModelTest {
    private final MessagesViewModel messages = new MessagesViewModel(5);

    static LiveMessage message(long seq, String node) {
        return new LiveMessage(
                seq,
                Instant.EPOCH,
                "f",
                node,
                "out",
                "run-" + seq,
                "evt-" + seq,
                null,
                null,
                null,
                RunRecord.RunStatus.SUCCESS);
    }

    static LiveSnapshot snapshot(long from, long to, long dropped) {
        List<LiveMessage> batch = new ArrayList<>();
        LongStream.rangeClosed(from, to).forEach(seq -> batch.add(message(seq, seq % 2 == 0 ? "even" : "odd")));
        return new LiveSnapshot(Map.of(), batch, to, dropped);
    }

    @Test
    void keepsTheNewestUpToCapacityHoweverManyArrive() {
        messages.accept(snapshot(1, 3, 0));
        messages.accept(snapshot(4, 9, 0));
        assertThat(messages.all()).extracting(LiveMessage::seq).containsExactly(5L, 6L, 7L, 8L, 9L);
        assertThat(messages.lastSeq()).isEqualTo(9);

        messages.accept(snapshot(10, 1000, 0));
        assertThat(messages.all()).extracting(LiveMessage::seq).containsExactly(996L, 997L, 998L, 999L, 1000L);
        assertThat(messages.missedProperty().get())
                .as("batches larger than the list are never shown whole: 1 of 4..9, 986 of 10..1000")
                .isEqualTo(987);
    }

    @Test
    void shrinkingTheCapacityDropsTheOldest() {
        messages.accept(snapshot(1, 5, 0));
        messages.capacityProperty().set(2);
        assertThat(messages.all()).extracting(LiveMessage::seq).containsExactly(4L, 5L);
    }

    @Test
    void pausedListStandsStillAndCountsWhatItMissed() {
        messages.accept(snapshot(1, 2, 0));
        messages.pausedProperty().set(true);
        messages.accept(snapshot(3, 4, 0));
        assertThat(messages.all()).extracting(LiveMessage::seq).containsExactly(1L, 2L);
        assertThat(messages.missedProperty().get()).isEqualTo(2);

        messages.pausedProperty().set(false);
        messages.accept(snapshot(5, 5, 0));
        assertThat(messages.all()).extracting(LiveMessage::seq).containsExactly(1L, 2L, 5L);
    }

    @Test
    void filterShowsOneNodesMessagesAndClearEmptiesTheList() {
        messages.accept(snapshot(1, 4, 0));
        messages.nodeFilterProperty().set(new NodeKey("f", "even"));
        assertThat(messages.visible()).extracting(LiveMessage::seq).containsExactly(2L, 4L);
        messages.nodeFilterProperty().set(null);
        assertThat(messages.visible()).hasSize(4);

        messages.clear();
        assertThat(messages.all()).isEmpty();
        messages.accept(snapshot(5, 5, 3));
        assertThat(messages.all()).extracting(LiveMessage::seq).containsExactly(5L);
        assertThat(messages.missedProperty().get())
                .as("the monitor dropped some before we asked")
                .isEqualTo(3);
    }
}
