package dev.switchboard.connector.ingress;

import dev.switchboard.connector.spi.config.ByteSizes;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request, on its event loop: everything that needs no body is decided first (shutting down,
 * unknown path, wrong method, declared size, header-only authentication), so a refused request
 * never costs memory for its body. An accepted one is read up to its hook's limit and handed to
 * the hook on a worker thread.
 *
 * <p>After an early answer, what the caller still sends is read and dropped (up to the limit
 * again) before the connection closes: a client that reads its answer only once it has sent
 * everything still gets to see it, and nothing is kept.
 */
final class RequestIntake {
    private static final Logger LOG = LoggerFactory.getLogger(RequestIntake.class);
    /** How much of a body to an unknown path (no hook, no limit of its own) is dropped before closing. */
    static final long DISCARD_WITHOUT_HOOK = 10L * 1024 * 1024;

    private static final String RETRY_AFTER_SECONDS = "5";

    private final IngressServer server;
    private final HttpServerRequest request;
    private Mount mount;
    private Map<String, String> headers;
    private BodyCollector body;
    private boolean entered;
    private long reserved; // of the server's body budget, given back on leave
    /** A 100 Continue went out: the caller is sending its body. */
    private boolean continued;

    RequestIntake(IngressServer server, HttpServerRequest request) {
        this.server = server;
        this.request = request;
    }

    /** Takes one request; a failure of ours is answered with 500 and logged, never left to Vert.x. */
    static void handle(IngressServer server, HttpServerRequest request) {
        RequestIntake intake = new RequestIntake(server, request);
        try {
            intake.start();
        } catch (RuntimeException e) {
            LOG.warn("Webhook {} {} failed unexpectedly", request.method(), request.path(), e);
            intake.leave();
            intake.early(
                    IngressAnswer.error(
                            500, "internal_error", "The webhook failed unexpectedly; the event was not accepted"),
                    DISCARD_WITHOUT_HOOK,
                    true);
        }
    }

    void start() {
        if (!server.isAccepting()) {
            early(unavailable(), DISCARD_WITHOUT_HOOK, true);
            return;
        }
        String path = request.path() == null ? "" : request.path();
        MountTable.Lookup found = server.mounts().find(path, request.method().name());
        if (found.allowed().isEmpty()) {
            early(IngressAnswer.error(404, "not_found", "No webhook listens on " + path), DISCARD_WITHOUT_HOOK, false);
            return;
        }
        if (found.mount().isEmpty()) {
            String allowed = String.join(", ", found.allowed());
            early(
                    IngressAnswer.error(405, "method_not_allowed", path + " accepts " + allowed + " only")
                            .withHeader("Allow", allowed),
                    DISCARD_WITHOUT_HOOK,
                    false);
            return;
        }
        mount = found.mount().get();
        long limit = mount.spec().maxBodyBytes();
        Optional<Long> declared;
        try {
            declared = declaredLength();
        } catch (NumberFormatException e) {
            early(IngressAnswer.error(400, "bad_request", "Content-Length is not a number of bytes"), limit, true);
            return;
        }
        if (declared.isPresent() && declared.get() > limit) {
            LOG.debug("{} {}: refused a body of {} bytes (limit {})", request.method(), path, declared.get(), limit);
            early(tooLarge(), limit, true);
            return;
        }
        headers = headers(request);
        Optional<IngressAnswer> refused = mount.spec().headerCheck().check(headers);
        if (refused.isPresent()) {
            early(refused.get(), limit, false);
            return;
        }
        if (!server.tryEnter()) {
            early(unavailable(), limit, true);
            return;
        }
        entered = true;
        body = new BodyCollector();
        request.handler(this::onChunk);
        request.endHandler(ignored -> onEnd());
        request.exceptionHandler(this::onBroken);
        if (expectsContinue()) {
            continued = true;
            request.response().writeContinue();
        }
    }

    private void onChunk(Buffer chunk) {
        if (body == null) {
            return;
        }
        long limit = mount.spec().maxBodyBytes();
        if (body.size() + chunk.length() > limit) {
            // a chunked body (or one sent without a length) grew past the limit: drop what we have
            LOG.debug("{} {}: body cut off at the {}-byte limit", request.method(), request.path(), limit);
            body = null;
            leave();
            early(tooLarge(), limit, true);
            return;
        }
        if (!server.reserve(chunk.length(), reserved)) {
            // the bodies of all requests in progress fill the budget: this caller tries again later
            LOG.debug("{} {}: refused, request bodies in memory are at the budget", request.method(), request.path());
            body = null;
            leave();
            early(busy(), limit, true);
            return;
        }
        reserved += chunk.length();
        body.add(chunk);
    }

    private void onEnd() {
        if (body == null) {
            return;
        }
        IngressRequest received =
                new IngressRequest(request.method().name(), request.path(), request.query(), headers, body.toBytes());
        body = null;
        server.onWorker(() -> mount.handler().apply(received)).onComplete(result -> {
            IngressAnswer answer;
            if (result.succeeded()) {
                answer = result.result();
            } else {
                LOG.warn("Webhook {} {} failed unexpectedly", request.method(), request.path(), result.cause());
                answer = IngressAnswer.error(
                        500, "internal_error", "The webhook failed unexpectedly; the event was not accepted");
            }
            send(answer).onComplete(written -> leave());
        });
    }

    /** The caller went away (or the connection broke) before its body was complete: nothing to answer. */
    private void onBroken(Throwable cause) {
        LOG.debug(
                "{} {}: the caller went away before the request was complete: {}",
                request.method(),
                request.path(),
                cause.toString());
        body = null;
        leave();
    }

    private void leave() {
        if (entered) {
            entered = false;
            server.leave(reserved);
            reserved = 0;
        }
    }

    /**
     * Answers before the body was read. When a body is still on its way, the answer says
     * {@code Connection: close}; the rest is dropped as it arrives, up to {@code discardLimit}, and
     * the connection closes when it ends (at once when it goes on beyond that).
     */
    private void early(IngressAnswer answer, long discardLimit, boolean close) {
        boolean bodyComing = bodyComing();
        if (!bodyComing && !close) {
            send(answer);
            return;
        }
        Future<Void> written = send(answer.withHeader("Connection", "close"));
        if (!bodyComing || (expectsContinue() && !continued)) {
            // no body, or the caller waits for a 100 it will not get: nothing to drop
            written.onComplete(done -> request.connection().close());
            return;
        }
        long[] dropped = {0};
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > discardLimit) {
                request.handler(null);
                request.connection().close();
            }
        });
        request.endHandler(ended -> request.connection().close());
        request.exceptionHandler(broken -> LOG.debug(
                "{} {}: the caller went away after its answer: {}",
                request.method(),
                request.path(),
                broken.toString()));
    }

    private Future<Void> send(IngressAnswer answer) {
        HttpServerResponse response = request.response();
        if (response.closed() || response.ended()) {
            LOG.debug(
                    "{} {}: the caller went away before its {} answer",
                    request.method(),
                    request.path(),
                    answer.status());
            return Future.succeededFuture();
        }
        response.setStatusCode(answer.status());
        answer.headers().forEach(response::putHeader);
        return response.end(Buffer.buffer(answer.body()));
    }

    private boolean bodyComing() {
        if (request.isEnded()) {
            return false;
        }
        String length = request.getHeader("Content-Length");
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeader("Transfer-Encoding") != null;
    }

    private boolean expectsContinue() {
        return "100-continue".equalsIgnoreCase(request.getHeader("Expect"));
    }

    private Optional<Long> declaredLength() {
        String length = request.getHeader("Content-Length");
        return length == null ? Optional.empty() : Optional.of(Long.parseLong(length.trim()));
    }

    private IngressAnswer tooLarge() {
        return IngressAnswer.error(
                413,
                "payload_too_large",
                "The body is larger than this webhook's limit of "
                        + ByteSizes.format(mount.spec().maxBodyBytes()));
    }

    private static IngressAnswer busy() {
        return IngressAnswer.error(
                        503, "busy", "Switchboard is taking in too many webhook bodies at once; try again shortly")
                .withHeader("Retry-After", "1");
    }

    private static IngressAnswer unavailable() {
        return IngressAnswer.error(503, "unavailable", "Switchboard is shutting down; try again shortly")
                .withHeader("Retry-After", RETRY_AFTER_SECONDS);
    }

    static Map<String, String> headers(HttpServerRequest request) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : request.headers().names()) {
            headers.put(name, String.join(", ", request.headers().getAll(name)));
        }
        return headers;
    }

    /** A request Netty could not decode: answered as JSON with the status that says why, then closed. */
    static void invalid(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        IngressAnswer answer;
        if (cause instanceof TooLongHttpHeaderException) {
            answer = IngressAnswer.error(
                    431, "request_header_fields_too_large", "The request headers are larger than 8KB");
        } else if (cause instanceof TooLongHttpLineException) {
            answer = IngressAnswer.error(414, "uri_too_long", "The request line is longer than 4KB");
        } else if (cause instanceof TooLongFrameException) {
            answer = IngressAnswer.error(431, "request_header_fields_too_large", "A request header is too large");
        } else {
            answer = IngressAnswer.error(400, "bad_request", "The request is not valid HTTP/1.1");
        }
        LOG.debug("Refused an invalid request ({}): {}", answer.status(), String.valueOf(cause));
        HttpServerResponse response = request.response();
        response.setStatusCode(answer.status());
        answer.withHeader("Connection", "close").headers().forEach(response::putHeader);
        response.end(Buffer.buffer(answer.body()))
                .onComplete(done -> request.connection().close());
    }

    /** A connection broke (reset by the caller, idle timeout …): the caller's business, not an error of ours. */
    static void connectionProblem(Throwable cause) {
        LOG.debug("Webhook connection closed abnormally: {}", cause.toString());
    }
}
