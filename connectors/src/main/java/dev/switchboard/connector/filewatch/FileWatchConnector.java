package dev.switchboard.connector.filewatch;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.FileSandbox;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.DirectoryFileSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.builder.ValueBuilder;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.support.builder.ExpressionBuilder;

/** {@code file.watch}: new files in a folder under the data folder become events. */
public final class FileWatchConnector implements Connector {
    private static final ConnectorSpec SPEC = ConnectorSpec.builder("file.watch", ConnectorKind.TRIGGER)
            .category("Triggers")
            .title("Watch folder")
            .description("Starts the flow for new files (or each line / row of them) in a folder")
            .icon("folder")
            .outputs(PortSpec.out())
            .properties(
                    PropertySpec.builder("folder", PropertyType.STRING)
                            .title("Folder")
                            .required()
                            .placeholder("inbox/orders")
                            .description("Relative to the runtime's data folder")
                            .build(),
                    PropertySpec.builder("pattern", PropertyType.STRING)
                            .title("File pattern")
                            .defaultValue("*")
                            .placeholder("*.csv")
                            .description("Which file names to take (glob: * and ?)")
                            .build(),
                    PropertySpec.builder("format", PropertyType.ENUM)
                            .title("Format")
                            .options("json", "jsonl", "csv")
                            .defaultValue("json")
                            .description(
                                    "json: one event per file; jsonl: one per line; csv: one per row, the header row names the fields")
                            .build(),
                    PropertySpec.builder("delimiter", PropertyType.STRING)
                            .title("CSV delimiter")
                            .defaultValue(",")
                            .visibleWhen("format=csv")
                            .build(),
                    PropertySpec.builder("interval", PropertyType.DURATION)
                            .title("Check every")
                            .defaultValue("1s")
                            .build())
            .helpResource(FileWatchConnector.class, "file.watch.md")
            .sampleEvent("{\"sku\": \"A-100\", \"qty\": \"3\", \"price\": \"9.90\"}")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        String folderProblem = DirectoryFileSandbox.lexicalProblem(config.string("folder", ""));
        if (folderProblem != null) {
            problems.add(new ConfigProblem("/folder", folderProblem));
        }
        String pattern = config.string("pattern", "*");
        if (pattern.contains("/") || pattern.contains("\\") || pattern.contains("..")) {
            problems.add(new ConfigProblem("/pattern", "'" + pattern + "' must match file names only, e.g. *.csv"));
        }
        if (config.string("delimiter", ",").length() != 1) {
            problems.add(new ConfigProblem("/delimiter", "give exactly one character, e.g. , or ;"));
        }
        return problems;
    }

    @Override
    public void compile(NodeContext node) {
        NodeConfig config = node.config();
        List<ConfigProblem> problems = validate(config);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).pointer().substring(1) + ": "
                    + problems.get(0).message());
        }
        Path folder = watchedFolder(node.service(FileSandbox.class), config.requireString("folder"));
        FileParser parser = new FileParser(
                node.eventSource(),
                config.string("format", "json"),
                config.string("delimiter", ",").charAt(0));
        long delay =
                Math.max(100, config.duration("interval", Duration.ofSeconds(1)).toMillis());
        String uri = "file:" + folder
                + "?antInclude=RAW(" + config.string("pattern", "*") + ")"
                + "&move=.done&moveFailed=.error"
                + "&readLock=changed&readLockCheckInterval=250&readLockMinLength=0"
                + "&initialDelay=0&delay=" + delay
                + "&charset=utf-8";
        ProcessorDefinition<?> perEvent = node.from(uri)
                .process(exchange -> exchange.getMessage()
                        .setBody(parser.parse(
                                exchange.getMessage().getHeader("CamelFileName", String.class),
                                new String(exchange.getMessage().getBody(byte[].class), StandardCharsets.UTF_8))))
                // a failing event stops the file, which then moves to .error
                .split(new ValueBuilder(ExpressionBuilder.bodyExpression()))
                .stopOnException();
        node.emit(perEvent, PortSpec.OUT).end();
    }

    /** The folder inside the sandbox, created when missing; links leading out are refused. */
    private static Path watchedFolder(FileSandbox sandbox, String relative) {
        try {
            Path folder = sandbox.resolve(relative);
            Files.createDirectories(folder);
            sandbox.resolve(relative); // now that it exists, its real location is checked too
            return folder;
        } catch (FileSandbox.SandboxViolationException e) {
            throw new IllegalArgumentException("folder: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "folder: cannot create '" + relative + "' in the data folder: " + e.getMessage(), e);
        }
    }
}
