package dev.switchboard.connector.ingress;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switchboard's webhook HTTP server: one per engine, on Vert.x. Webhook routes mount one method on
 * one path while they run ({@link IngressComponent}); everything else is answered here, as JSON.
 *
 * <p>Start fails at once, with {@link PortInUseException}, when the port is taken. Stopping has two
 * steps the engine orders: {@link #stopAccepting()} (new requests get 503 and the connection is
 * closed; requests already inside go on to their answer), then {@link #awaitIdle} and {@link #close()}.
 *
 * <p>It listens on the configured host only (loopback by default), makes no outbound connections
 * and writes no files: Vert.x's file cache and class-path resolving are off, and request bodies are
 * never spooled to disk.
 */
public final class IngressServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngressServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    /** A connection that sends nothing for this long is closed (a caller that stalls mid-body). */
    private static final int IDLE_TIMEOUT_SECONDS = 60;
    /** Threads that run requests through their routes: they wait for the inbox commit. */
    private static final int WORKER_THREADS = 32;
    /** The least budget for request bodies held in memory at once, all webhooks together. */
    private static final long MIN_BODY_BUDGET_BYTES = 1024L * 1024;

    /**
     * The default for {@link #IngressServer(String, int, long)}: a sixty-fourth of the heap, at
     * least 1 MiB. A body is parsed into a tree and copied (the CloudEvent kept in the store, the
     * steps' copies) while it is accepted and run: a 9 MB JSON body took about 250 MB of heap.
     */
    public static long defaultBodyBudget() {
        return Math.max(MIN_BODY_BUDGET_BYTES, Runtime.getRuntime().maxMemory() / 64);
    }

    private final String host;
    private final int configuredPort;
    private final MountTable mounts = new MountTable();
    private final Object lock = new Object();
    private int inFlight; // guarded by lock
    private long bufferedBytes; // guarded by lock
    private final long bodyBudgetBytes;
    private boolean accepting = true; // guarded by lock
    private volatile Vertx vertx;
    private volatile HttpServer server;

    /** @param port 0 picks a free one ({@link #port()} tells which, once started) */
    public IngressServer(String host, int port) {
        this(host, port, defaultBodyBudget());
    }

    /**
     * @param port 0 picks a free one
     * @param bodyBudgetBytes how many bytes of request bodies all requests together may hold in memory
     *     while they are read and handled; a request whose body would go beyond gets 503 with
     *     {@code Retry-After} (many callers at once, not one large body: each hook has its own limit)
     */
    public IngressServer(String host, int port, long bodyBudgetBytes) {
        if (bodyBudgetBytes <= 0) {
            throw new IllegalArgumentException("The body budget must be positive, not " + bodyBudgetBytes);
        }
        this.host = host;
        this.configuredPort = port;
        this.bodyBudgetBytes = bodyBudgetBytes;
    }

    /**
     * Binds the port and starts answering.
     *
     * @throws PortInUseException when another program holds the port
     * @throws IllegalStateException when the server cannot listen for another reason (no such address …)
     */
    public synchronized IngressServer start() {
        if (server != null) {
            return this;
        }
        Vertx created = Vertx.vertx(new VertxOptions()
                .setWorkerPoolSize(WORKER_THREADS)
                .setFileSystemOptions(
                        new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        created.exceptionHandler(t -> LOG.warn("Unexpected failure in the webhook server", t));
        HttpServer http = created.createHttpServer(new HttpServerOptions()
                        .setHost(host)
                        .setPort(configuredPort)
                        .setIdleTimeout(IDLE_TIMEOUT_SECONDS)
                        .setIdleTimeoutUnit(TimeUnit.SECONDS)
                        // plain HTTP/1.1 only: what webhook senders speak, and the smallest surface to defend
                        .setHttp2ClearTextEnabled(false)
                        .setDecompressionSupported(false)
                        .setHandle100ContinueAutomatically(false))
                .requestHandler(request -> RequestIntake.handle(this, request))
                .invalidRequestHandler(RequestIntake::invalid)
                .connectionHandler(connection -> connection.exceptionHandler(RequestIntake::connectionProblem))
                .exceptionHandler(RequestIntake::connectionProblem);
        try {
            http.listen()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            closeQuietly(created);
            Throwable cause = e.getCause();
            if (cause instanceof BindException
                    || String.valueOf(cause.getMessage()).contains("Address already in use")) {
                throw new PortInUseException(host, configuredPort, cause);
            }
            throw new IllegalStateException(
                    "Cannot listen for webhooks on " + host + ":" + configuredPort + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            closeQuietly(created);
            throw new IllegalStateException("The webhook server did not start within " + START_TIMEOUT, e);
        } catch (InterruptedException e) {
            closeQuietly(created);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the webhook server", e);
        }
        vertx = created;
        server = http;
        return this;
    }

    /** The port it listens on: the real one once started (also when 0 was asked for). */
    public int port() {
        HttpServer http = server;
        return http != null ? http.actualPort() : configuredPort;
    }

    public String host() {
        return host;
    }

    /**
     * First step of a graceful stop: from now on every new request gets 503 with {@code Retry-After}
     * and {@code Connection: close}; requests already past their checks finish normally.
     */
    public void stopAccepting() {
        synchronized (lock) {
            accepting = false;
        }
    }

    /** Waits until no accepted request is in flight any more, at most {@code timeout}; true when none is. */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("{} webhook request(s) still in flight after {}; closing anyway", inFlight, timeout);
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Requests accepted and not yet answered. */
    public int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    /** Stops listening and closes every connection; requests still in flight get no answer. */
    @Override
    public synchronized void close() {
        stopAccepting();
        Vertx running = vertx;
        if (running == null) {
            return;
        }
        vertx = null;
        server = null;
        closeQuietly(running);
    }

    private static void closeQuietly(Vertx v) {
        try {
            v.close().toCompletionStage().toCompletableFuture().get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The webhook server did not close cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void mount(Mount mount) {
        mounts.mount(mount);
    }

    void unmount(Mount mount) {
        mounts.unmount(mount);
    }

    MountTable mounts() {
        return mounts;
    }

    boolean isAccepting() {
        synchronized (lock) {
            return accepting;
        }
    }

    /** Counts a request in, unless the server stopped accepting (checked together, so a drain sees every one). */
    boolean tryEnter() {
        synchronized (lock) {
            if (!accepting) {
                return false;
            }
            inFlight++;
            return true;
        }
    }

    /**
     * Takes {@code bytes} of the body budget for a request that holds {@code held} already; false
     * (nothing taken) when it is spent by others. A request alone may go beyond it, so a body as
     * large as its webhook allows is never refused for good, only while other bodies are in memory.
     */
    boolean reserve(long bytes, long held) {
        synchronized (lock) {
            if (bufferedBytes > held && bufferedBytes + bytes > bodyBudgetBytes) {
                return false;
            }
            bufferedBytes += bytes;
            return true;
        }
    }

    /** Bytes of request bodies held now (reserved and not yet released). */
    public long bufferedBytes() {
        synchronized (lock) {
            return bufferedBytes;
        }
    }

    /** Counts a request out and gives back the {@code reserved} bytes of its body. */
    void leave(long reserved) {
        synchronized (lock) {
            bufferedBytes -= reserved;
            inFlight--;
            if (inFlight == 0) {
                lock.notifyAll();
            }
        }
    }

    /** Runs blocking work (a route, an inbox commit) off the event loop; the result comes back on it. */
    <T> Future<T> onWorker(Callable<T> work) {
        Vertx running = vertx;
        if (running == null) {
            return Future.failedFuture(new IllegalStateException("The webhook server is closed"));
        }
        return running.executeBlocking(work, false);
    }
}
