package dev.switchboard.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PubSubNamesTest {
    private final PubSubNames names = new PubSubNames(ClusterOptions.of("127.0.0.1:9092", "runtime-a"));

    @Test
    void aTopicTravelsOnItsOwnKafkaTopicBesideTheEventLog() {
        assertThat(names.kafkaTopic("orders.created")).isEqualTo("switchboard.events.pubsub.orders.created");
    }

    @Test
    void slashAndUnderscoreAreSpelledSoThatNoTwoTopicsShareAKafkaTopic() {
        assertThat(names.kafkaTopic("orders/eu")).isEqualTo("switchboard.events.pubsub.orders_2feu");
        assertThat(names.kafkaTopic("orders_2feu")).isEqualTo("switchboard.events.pubsub.orders_5f2feu");
        assertThat(names.kafkaTopic("a-b_c")).isEqualTo("switchboard.events.pubsub.a-b_5fc");
    }

    @Test
    void aRenderedTopicThatIsNoTopicNameIsRefusedWithTheReason() {
        assertThatThrownBy(() -> names.kafkaTopic("orders.EU west"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'orders.EU west' is not a topic name: use letters, digits and . _ / -"
                        + " (starting with a letter or digit)");
    }

    @Test
    void aTopicTooLongForKafkaIsRefusedWithTheLimit() {
        assertThatThrownBy(() -> names.kafkaTopic("t".repeat(240)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is too long for the cluster")
                .hasMessageContaining("has 266 characters, Kafka allows 249");
    }

    @Test
    void eachSubscribingNodeHasAGroupOfItsOwn() {
        assertThat(names.group("billing", "sub")).isEqualTo("switchboard.subscriber.billing.sub");
        assertThat(names.group("billing", "sub-2")).isNotEqualTo(names.group("billing", "sub"));
    }
}
