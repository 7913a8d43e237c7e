package dev.switchboard.runtime.e2e;

import static dev.switchboard.runtime.e2e.Flows.chain;
import static dev.switchboard.runtime.e2e.Flows.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.connector.testkit.CaptureConnector;
import dev.switchboard.connector.testkit.ErrorLogCapture;
import dev.switchboard.connector.testkit.RawHttp;
import dev.switchboard.runtime.engine.Engine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller that goes away mid-request, or whose body is too large, is the caller's problem: it is
 * answered (or not) and logged at debug level, never as an ERROR with a stack trace.
 */
class WebhookCallerProblemsLoggingTest {
    /** The webhook's default body limit, 10 MB. */
    static final long LIMIT = 10L * 1024 * 1024;

    @TempDir
    Path dataDir;

    @Test
    void callersThatGoAwayAndBodiesThatAreTooLargeLogNoErrors() throws Exception {
        try (ErrorLogCapture log = ErrorLogCapture.start()) {
            Engine engine = Flows.engine(dataDir, Map.of());
            try {
                engine.deploy(chain(
                        "quiet",
                        node("hook", "webhook", "path", "/hooks/quiet"),
                        node("seen", "test.capture", "sink", "quiet-in")));
                int port = engine.httpPort();

                RawHttp gone = RawHttp.connect(port);
                gone.send("POST /hooks/quiet HTTP/1.1\r\nHost: localhost\r\nContent-Length: 500\r\n\r\n{\"part\": ");
                gone.abort();

                try (RawHttp big = RawHttp.connect(port)) {
                    big.send("POST /hooks/quiet HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + (LIMIT + 1)
                            + "\r\n\r\n");
                    assertThat(big.read().status()).isEqualTo(413);
                    big.abort();
                }
                try (RawHttp chunked = RawHttp.connect(port)) {
                    chunked.send("POST /hooks/quiet HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                                    + Long.toHexString(LIMIT + 1) + "\r\n")
                            .sendFiller(LIMIT + 1);
                    assertThat(chunked.read().status()).isEqualTo(413);
                    chunked.abort();
                }
                try (RawHttp fine = RawHttp.connect(port)) {
                    fine.send(
                            "POST /hooks/quiet HTTP/1.1\r\nHost: localhost\r\nContent-Length: 12\r\n\r\n{\"ok\": true}");
                    assertThat(fine.read().status()).isEqualTo(202);
                }
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> !CaptureConnector.events("quiet-in").isEmpty());
            } finally {
                // closing drains the server's event loops: whatever the resets above cause is logged by now
                engine.close();
            }

            assertThat(log.errorLines()).isEmpty();
        }
        assertThat(CaptureConnector.events("quiet-in"))
                .extracting(e -> e.data().path("ok").asBoolean())
                .containsExactly(true);
    }
}
