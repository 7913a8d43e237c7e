package dev.switchboard.runtime.admin;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's HTTP server ({@code switchboard run --admin-port}, default 127.0.0.1:8788), on
 * Vert.x core, apart from the webhook server. Every request is authenticated with the bearer token
 * before its body is read (except the extra endpoints mounted as open); bodies are limited and
 * counted as they arrive; the routes run on a worker thread, one change at a time being
 * {@link FlowDeployments}' business. Whatever a request holds, the answer is JSON and the server
 * stays up.
 *
 * <p>Extra {@code GET} endpoints (health, metrics) are mounted with {@link AdminEndpoint}s.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    public static final int DEFAULT_PORT = 8788;
    /** Largest request body: flow files are far smaller in practice. */
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final String host;
    private final int configuredPort;
    private final AdminApi api;
    private final AdminToken token;
    private final Map<String, AdminEndpoint> extras = new LinkedHashMap<>();
    private final long maxBodyBytes;
    private volatile Vertx vertx;
    private volatile HttpServer server;

    public AdminServer(
            String host, int port, AdminApi api, AdminToken token, List<AdminEndpoint> extras, long maxBodyBytes) {
        this.host = host;
        this.configuredPort = port;
        this.api = api;
        this.token = token;
        this.maxBodyBytes = maxBodyBytes;
        extras.forEach(e -> this.extras.put(e.path(), e));
    }

    /** The port-in-use message, like the webhook server's, naming the option that changes it. */
    public static final class AdminPortInUseException extends IllegalStateException {
        AdminPortInUseException(String host, int port, Throwable cause) {
            super(
                    "Cannot listen for the admin API on " + host + ":" + port
                            + ": the port is already in use by another program."
                            + " Stop that program or choose another port with --admin-port.",
                    cause);
        }
    }

    /**
     * @throws AdminPortInUseException when the port is taken
     * @throws IllegalStateException when it cannot listen for another reason
     */
    public synchronized AdminServer start() {
        Vertx created = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(2)
                .setFileSystemOptions(
                        new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        HttpServer http = created.createHttpServer(new HttpServerOptions()
                        .setHost(host)
                        .setPort(configuredPort)
                        .setIdleTimeout(60)
                        .setIdleTimeoutUnit(TimeUnit.SECONDS)
                        .setHttp2ClearTextEnabled(false)
                        .setDecompressionSupported(false))
                .requestHandler(this::handle)
                .invalidRequestHandler(request -> answer(
                                request, AdminApi.error(400, "bad-request", "The request is not valid HTTP/1.1"))
                        .onComplete(done -> request.connection().close()));
        try {
            http.listen()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            created.close();
            Throwable cause = e.getCause();
            if (cause instanceof BindException
                    || String.valueOf(cause.getMessage()).contains("Address already in use")) {
                throw new AdminPortInUseException(host, configuredPort, cause);
            }
            throw new IllegalStateException(
                    "Cannot listen for the admin API on " + host + ":" + configuredPort + ": " + cause.getMessage(),
                    cause);
        } catch (TimeoutException | InterruptedException e) {
            created.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("The admin API did not start: " + e, e);
        }
        vertx = created;
        server = http;
        LOG.info("Admin API on {}", baseUrl());
        return this;
    }

    public int port() {
        HttpServer running = server;
        return running == null ? configuredPort : running.actualPort();
    }

    public String baseUrl() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        AdminEndpoint extra = extras.get(path);
        if (extra != null) {
            if (request.method() != HttpMethod.GET) {
                early(
                        request,
                        AdminApi.error(405, "method-not-allowed", "Only GET is allowed on " + path)
                                .withHeader("Allow", "GET"));
                return;
            }
            if (extra.authenticated() && !authorized(request)) {
                early(request, unauthorized());
                return;
            }
            run(request, extra.handler()::get);
            return;
        }
        if (!authorized(request)) {
            early(request, unauthorized());
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                early(request, AdminApi.error(400, "bad-request", "Content-Length is not a number of bytes"));
                return;
            }
            if (declared > maxBodyBytes) {
                early(request, tooLarge());
                return;
            }
        }
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxBodyBytes) {
                refused[0] = true;
                early(request, tooLarge());
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(
                broken -> LOG.debug("Admin request {} {} broke: {}", request.method(), path, broken.toString()));
        request.endHandler(ended -> {
            if (!refused[0]) {
                String text = body.toString(StandardCharsets.UTF_8);
                AdminApi.AdminRequest adminRequest =
                        new AdminApi.AdminRequest(request.method().name(), path, AdminApi.query(request.query()), text);
                run(request, () -> api.handle(adminRequest));
            }
        });
    }

    @FunctionalInterface
    private interface Work {
        AdminResponse call() throws Exception;
    }

    /** Runs the route on a worker thread (deploys compile and start Camel routes), then answers. */
    private void run(HttpServerRequest request, Work work) {
        vertx.<AdminResponse>executeBlocking(
                        () -> {
                            try {
                                return work.call();
                            } catch (Exception | LinkageError e) {
                                LOG.warn("Admin request {} {} failed", request.method(), request.path(), e);
                                return AdminApi.error(
                                        500, "internal", "The runtime could not answer: " + e.getMessage());
                            }
                        },
                        false)
                .onComplete(done -> answer(
                        request,
                        done.succeeded()
                                ? done.result()
                                : AdminApi.error(500, "internal", "The runtime could not answer")));
    }

    private boolean authorized(HttpServerRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return token.matches(header.substring(7).strip());
    }

    private static AdminResponse unauthorized() {
        return AdminApi.error(
                        401,
                        "unauthorized",
                        "This call needs the admin token: send 'Authorization: Bearer <token>' "
                                + "(--admin-token, or the file admin.token in the data folder)")
                .withHeader("WWW-Authenticate", "Bearer realm=\"switchboard-admin\"");
    }

    private AdminResponse tooLarge() {
        return AdminApi.error(
                413,
                "payload-too-large",
                "The body is larger than the admin API's limit of " + maxBodyBytes + " bytes");
    }

    /**
     * Answers before the body was read (or all of it): with {@code Connection: close}; the rest of
     * the body is dropped as it arrives, and the connection closes when it ends or once it went on
     * for another limit's worth.
     */
    private void early(HttpServerRequest request, AdminResponse response) {
        if (request.isEnded()) {
            answer(request, response);
            return;
        }
        answer(request, response.withHeader("Connection", "close"));
        long[] dropped = {0};
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > maxBodyBytes) {
                request.handler(null);
                request.connection().close();
            }
        });
        request.endHandler(ended -> request.connection().close());
        request.exceptionHandler(broken -> {});
    }

    private static io.vertx.core.Future<Void> answer(HttpServerRequest request, AdminResponse response) {
        HttpServerResponse out = request.response();
        if (out.ended() || out.closed()) {
            return io.vertx.core.Future.succeededFuture();
        }
        out.setStatusCode(response.status());
        out.putHeader("Content-Type", response.contentType());
        out.putHeader("Cache-Control", "no-store");
        response.headers().forEach(out::putHeader);
        return out.end(Buffer.buffer(response.body(), "UTF-8"));
    }

    @Override
    public synchronized void close() {
        Vertx running = vertx;
        vertx = null;
        server = null;
        if (running != null) {
            try {
                running.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("The admin server did not close cleanly: {}", e.toString());
            }
        }
    }
}
