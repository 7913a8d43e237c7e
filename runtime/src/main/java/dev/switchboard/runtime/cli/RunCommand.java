package dev.switchboard.runtime.cli;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.runtime.broker.DevBroker;
import dev.switchboard.runtime.engine.Engine;
import dev.switchboard.runtime.engine.EngineOptions;
import dev.switchboard.runtime.engine.RunRecord;
import dev.switchboard.runtime.engine.compile.FlowCompileException;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.store.DurableRuntime;
import dev.switchboard.runtime.store.HistoryOptions;
import dev.switchboard.runtime.store.StoreOwnership;
import dev.switchboard.runtime.validate.FlowLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code switchboard run <files or folders>}: runs flows until SIGTERM or Ctrl-C. */
@Command(name = "run", description = "Starts the flows in the given files or folders and runs them until stopped.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Flow files (*.flow.json) or folders holding them.")
    List<Path> paths;

    @Option(
            names = "--port",
            defaultValue = "" + EngineOptions.DEFAULT_HTTP_PORT,
            converter = OptionConverters.PortOrFree.class,
            description = "Port for webhooks (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Address webhooks bind to (default: ${DEFAULT-VALUE}).")
    String host;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(
            names = "--snapshot-size",
            defaultValue = "8192",
            converter = OptionConverters.PositiveInt.class,
            description = "Longest stored input/output snapshot per node, in characters (default: ${DEFAULT-VALUE}).")
    int snapshotSize;

    @Option(
            names = "--keep-runs-for",
            defaultValue = "7d",
            converter = DurationConverter.class,
            description = "Run history older than this is removed (default: ${DEFAULT-VALUE}).")
    Duration keepRunsFor;

    @Option(
            names = "--keep-runs",
            defaultValue = "100000",
            converter = OptionConverters.PositiveLong.class,
            description = "At most this many runs are kept (default: ${DEFAULT-VALUE}).")
    long keepRuns;

    @Option(
            names = "--secrets",
            description = "A NAME=value file with the secrets the flows reference; the environment is used too.")
    Path secretsFile;

    @Option(
            names = "--drain-timeout",
            defaultValue = "10s",
            description = "How long stopping waits for in-flight events (default: ${DEFAULT-VALUE}).",
            converter = DurationConverter.class)
    Duration drainTimeout;

    @Option(
            names = "--broker",
            description = "Also start the local dev broker (JMS tcp://127.0.0.1:61616, AMQP 5672, "
                    + "MQTT 1883; messages under <data>/broker). Off by default.")
    boolean broker;

    @Option(
            names = OptionDefaults.CONFIG_OPTION,
            paramLabel = "FILE",
            description = "A properties file with option values (port=8080, drain-timeout=30s …; keys are the "
                    + "option names without '--'). The command line wins over the environment "
                    + "(SWITCHBOARD_PORT …), the environment over this file.")
    Path configFile;

    @Option(
            names = "--log-format",
            defaultValue = "text",
            description = "text, or json: one JSON object per line on stdout, run's own lines included "
                    + "(default: ${DEFAULT-VALUE}).")
    LogSetup.Format logFormat;

    @Option(
            names = "--log-level",
            description = "error, warn, info, debug or trace (default: info; the libraries log warnings only).")
    LogSetup.LogLevel logLevel;

    @Option(
            names = "--event-log",
            defaultValue = "on",
            description = "on: one line per event handled (status, flow, trigger, event, duration); off: none "
                    + "(default: ${DEFAULT-VALUE}).")
    OnOff eventLog;

    enum OnOff {
        on,
        off
    }

    /**
     * The admin server's address, printed in the banner; null while there is no admin server. Whoever
     * starts one sets it before the banner is printed.
     */
    String adminUrl;

    @Override
    public Integer call() throws Exception {
        RunPreflight.check(store, secretsFile);
        LogSetup.apply(logFormat, logLevel);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FlowLoader.Loaded loaded = FlowLoader.load(paths, ConnectorCatalog.load());
        loaded.warnings().forEach(err::println);
        if (!loaded.problems().isEmpty()) {
            loaded.problems().forEach(err::println);
            err.flush();
            return 1;
        }
        if (loaded.flows().isEmpty()) {
            err.println("No flows found in " + paths + " (flow files end in .flow.json)");
            err.flush();
            return 1;
        }
        Files.createDirectories(store.dataDir);
        SecretResolver secrets = secretsFile != null
                ? SecretResolver.fromFileAndEnvironment(secretsFile)
                : SecretResolver.fromEnvironment();
        EngineOptions options = new EngineOptions(host, port, store.dataDir, drainTimeout);
        DevBroker devBroker;
        try {
            devBroker = broker
                    ? BrokerCommand.start("127.0.0.1", 61616, 5672, 1883, store.dataDir.resolve("broker"), out)
                    : null;
        } catch (IllegalStateException e) {
            err.println("✗ " + e.getMessage());
            err.flush();
            return 1;
        }
        HistoryOptions history =
                HistoryOptions.defaults().withMaxSnapshotChars(snapshotSize).withRetention(keepRunsFor, keepRuns);
        DurableRuntime runtime;
        try {
            runtime = DurableRuntime.start(options, ConnectorCatalog.load(), secrets, store.dbUrl, history);
        } catch (StoreOwnership.StoreInUseException | IllegalStateException e) {
            // another runtime owns the store, the webhook port is taken, or the engine could not start:
            // one line that says what to do, no stack trace
            err.println("✗ " + e.getMessage());
            err.flush();
            if (devBroker != null) {
                devBroker.close();
            }
            return 1;
        }
        Engine engine = runtime.engine();
        RunLines lines = new RunLines(logFormat, out);
        if (eventLog == OnOff.on) {
            engine.addRunListener(run -> lines.print(engine.secretMask().mask(format(run))));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            synchronized (
                    stopped) { // the signal's thread and the exit hook: whoever comes second waits, then finds it done
                if (stopped.getCount() > 0) {
                    runtime.close();
                    if (devBroker != null) {
                        devBroker.close();
                    }
                    stopped.countDown();
                }
            }
        };
        ShutdownSignals.onTerminate(err, stop);
        // when the JVM exits some other way (System.exit elsewhere), still stop as well as H2 lets us
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "switchboard-exit"));
        for (Flow flow : loaded.flows()) {
            if (engine.isClosing()) {
                break; // stopped while starting: the shutdown hook closes what started
            }
            try {
                engine.deploy(flow);
            } catch (IllegalStateException e) {
                if (engine.isClosing()) {
                    break;
                }
                throw e;
            } catch (FlowCompileException e) {
                err.println("✗ " + flow.id() + ": " + e.getMessage());
                err.flush();
                runtime.close();
                if (devBroker != null) {
                    devBroker.close();
                }
                return 1;
            }
            lines.print("▶ " + flow.id() + " — " + flow.displayName());
        }
        if (!engine.isClosing()) {
            RunBanner banner = new RunBanner(
                    SwitchboardVersion.get(),
                    loaded.flows().stream().map(Flow::id).toList(),
                    engine.httpBaseUrl(),
                    store.dbUrl != null
                            ? RunBanner.withoutPassword(store.dbUrl)
                            : store.dataDir
                                    .toAbsolutePath()
                                    .normalize()
                                    .resolve(StoreOptions.STORE_FILE)
                                    .toString(),
                    Optional.ofNullable(adminUrl));
            banner.lines().forEach(lines::print);
        }
        stopped.await();
        return 0;
    }

    /** run's own lines: on stdout as they are, or with --log-format json as INFO records of {@link LogSetup#RUN_LOGGER}. */
    private record RunLines(LogSetup.Format format, PrintWriter out) {
        private static final Logger LOG = LoggerFactory.getLogger(LogSetup.RUN_LOGGER);

        void print(String line) {
            if (format == LogSetup.Format.json) {
                LOG.info(line);
                return;
            }
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }
    }

    static String format(RunRecord run) {
        return String.format(
                "%s %-13s flow=%s trigger=%s event=%s %.1fms%s%s",
                run.startedAt(),
                RunStatusConverter.spell(run.status().name()),
                run.flowId(),
                run.triggerNodeId(),
                run.eventId(),
                run.durationMillis(),
                run.endedAt() == null ? "" : " ended=" + run.endedAt(),
                run.error() == null ? "" : " error=\"" + run.error() + "\"");
    }
}
