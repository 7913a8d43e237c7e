package dev.switchboard.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.store.Store;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunBannerTest {
    @Test
    void namesVersionFlowsWebhooksStoreAndAdmin() {
        RunBanner banner = new RunBanner(
                "1.2.3", List.of("a", "b"), "http://127.0.0.1:8787", "/srv/data/switchboard.mv.db", Optional.empty());
        assertThat(banner.lines())
                .containsExactly(
                        "Switchboard 1.2.3",
                        "  flows:    2 (a, b)",
                        "  webhooks: http://127.0.0.1:8787",
                        "  store:    /srv/data/switchboard.mv.db",
                        "  admin:    off",
                        "Switchboard is running 2 flow(s); webhooks at http://127.0.0.1:8787. Press Ctrl-C to stop.");
        assertThat(new RunBanner("1", List.of("a"), "w", "s", Optional.of("http://127.0.0.1:9090")).lines())
                .contains("  admin:    http://127.0.0.1:9090")
                .last()
                .asString()
                .contains("admin API at http://127.0.0.1:9090");
    }

    @Test
    void aRuntimeWithoutFlowsSaysHowToDeployOne() {
        assertThat(new RunBanner("1", List.of(), "w", "s", Optional.of("http://127.0.0.1:8788")).lines())
                .contains(
                        "  flows:    none yet: deploy with 'switchboard deploy' or the designer's File ▸ Deploy to runtime…");
    }

    @Test
    void aJdbcUrlIsShownWithoutItsPasswordEitherWay() {
        assertThat(Store.redacted("jdbc:h2:tcp://db/x;USER=sa;PASSWORD=secret;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:tcp://db/x;USER=sa;PASSWORD=***;MODE=PostgreSQL");
        assertThat(Store.redacted("jdbc:postgresql://sb:secret@db:5432/sb?password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://sb:***@db:5432/sb?password=***&ssl=true");
    }
}
