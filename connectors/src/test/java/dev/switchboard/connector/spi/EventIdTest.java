package dev.switchboard.connector.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdTest {
    @Test
    void idsAreVersion7UuidsThatSortByTheMillisecondTheyWereMadeIn() throws Exception {
        long before = System.currentTimeMillis();
        UUID first = UUID.fromString(Event.newId());
        long after = System.currentTimeMillis();

        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).isBetween(before, after);

        // a later millisecond sorts after, as text too (the store's indexes compare the text)
        String later;
        do {
            later = Event.newId();
        } while (UUID.fromString(later).getMostSignificantBits() >>> 16 <= after);
        assertThat(later).isGreaterThan(first.toString());
    }

    @Test
    void idsMadeInTheSameMillisecondDifferInTheirRandomBits() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(Event.newId());
        }
        assertThat(ids).hasSize(100_000);
    }
}
