package dev.switchboard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.connector.spi.OnlineModelStore.State;
import dev.switchboard.connector.spi.OnlineModelStore.Weight;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestStore.class)
class StoreOnlineModelsTest {
    @Parameter
    TestStore kind;

    @TempDir
    Path dir;

    private Store store;
    private StoreOnlineModels models;

    @BeforeEach
    void open() {
        String url = kind.newUrl();
        store = url == null ? Store.openDefault(dir) : Store.open(url);
        models = new StoreOnlineModels(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSavedModelLoadsWithItsWeightsBiasExamplesAndVersion() {
        State first = new State(Map.of("amount", new Weight(0.25, 1800), "night", new Weight(-1.5, 1)), 0.1, 1, 1);

        assertThat(models.load("fraud")).isEmpty();
        assertThat(models.save("fraud", first, 0)).isTrue();

        assertThat(models.load("fraud")).contains(first);
        assertThat(models.load("other")).isEmpty();
    }

    @Test
    void aSaveFromAVersionThatIsNoLongerStoredIsRefusedAndChangesNothing() {
        State one = new State(Map.of("amount", new Weight(0.25, 10)), 0.1, 1, 1);
        State two = new State(Map.of("amount", new Weight(0.5, 10), "items", new Weight(1, 3)), 0.2, 2, 2);
        State stale = new State(Map.of("amount", new Weight(9, 10)), 9, 2, 2);
        models.save("fraud", one, 0);

        assertThat(models.save("fraud", two, 1)).isTrue();
        assertThat(models.save("fraud", stale, 1))
                .as("another learner saved version 2 first")
                .isFalse();
        assertThat(models.save("fraud", stale, 0))
                .as("another learner created the model first")
                .isFalse();

        assertThat(models.load("fraud")).contains(two);
    }

    @Test
    void fewerFeaturesThanBeforeLeaveNoOldWeightBehind() {
        models.save("fraud", new State(Map.of("a", new Weight(1, 1), "b", new Weight(2, 1)), 0, 1, 1), 0);
        State fewer = new State(Map.of("a", new Weight(3, 1)), 0, 2, 2);

        models.save("fraud", fewer, 1);

        assertThat(models.load("fraud")).contains(fewer);
    }
}
