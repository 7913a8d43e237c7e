package dev.switchboard.connector.filewrite;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.FileSandbox;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.connector.support.DirectoryFileSandbox;
import dev.switchboard.connector.support.Template;
import java.util.ArrayList;
import java.util.List;

/** {@code file.write}: appends a line per event to a file inside the runtime's data folder. */
public final class FileWriteConnector implements Connector {

    private static final ConnectorSpec SPEC = ConnectorSpec.builder("file.write", ConnectorKind.ACTION)
            .category("Actions")
            .title("Write to file")
            .description("Appends each event as a JSON line or a CSV row to a file in the data folder")
            .icon("save")
            .outputs(PortSpec.out())
            .properties(
                    PropertySpec.builder("path", PropertyType.TEMPLATE)
                            .title("File")
                            .required()
                            .description("Relative to the runtime's data folder; look-ups allowed")
                            .placeholder("out/orders-{{time | date:'yyyy-MM-dd'}}.jsonl")
                            .build(),
                    PropertySpec.builder("format", PropertyType.ENUM)
                            .title("Format")
                            .options("jsonl", "csv")
                            .defaultValue("jsonl")
                            .build(),
                    PropertySpec.builder("content", PropertyType.ENUM)
                            .title("Content")
                            .options("data", "event")
                            .defaultValue("data")
                            .visibleWhen("format=jsonl")
                            .description("data: only the event's data; event: the whole CloudEvent (id, type, time …)")
                            .build(),
                    PropertySpec.builder("columns", PropertyType.KEY_VALUE)
                            .title("Columns")
                            .visibleWhen("format=csv")
                            .description("Column header → template; the header row is written when the file is new")
                            .placeholder("email = {{data.email}}")
                            .build())
            .helpResource(FileWriteConnector.class, "file.write.md")
            .build();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        readPath(config, problems);
        LineFormat.read(config, problems);
        return problems;
    }

    private static Template readPath(NodeConfig config, List<ConfigProblem> problems) {
        String path = config.string("path", "");
        Template template;
        try {
            template = Template.parse(path);
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem("/path", e.getMessage()));
            return null;
        }
        String problem = template.isConstant()
                ? DirectoryFileSandbox.lexicalProblem(path)
                : path.startsWith("/") || path.startsWith("\\")
                        ? "'" + path + "' is absolute; file paths are relative to the data folder"
                        : null;
        if (problem != null) {
            problems.add(new ConfigProblem("/path", problem));
        }
        return template;
    }

    @Override
    public void compile(NodeContext node) {
        List<ConfigProblem> validated = new ArrayList<>(); // the compiler checked the config: stays empty
        Template path = readPath(node.config(), validated);
        LineFormat format = LineFormat.read(node.config(), validated);
        FileSandbox sandbox = node.service(FileSandbox.class);
        node.emit(
                node.route().process(exchange -> {
                    Event event = exchange.getIn().getBody(Event.class);
                    LineAppender.append(sandbox.resolve(path.render(event)), format.header(), format.line(event));
                }),
                PortSpec.OUT);
    }
}
