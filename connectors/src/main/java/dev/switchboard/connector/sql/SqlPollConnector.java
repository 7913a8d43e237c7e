package dev.switchboard.connector.sql;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.model.ProcessorDefinition;

/** {@code sql.poll}: runs a query on an interval; each new row starts the flow once. */
public final class SqlPollConnector implements Connector {
    static final String TYPE = "dev.switchboard.sql.row";

    private static final ConnectorSpec SPEC = buildSpec();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    private static ConnectorSpec buildSpec() {
        List<PropertySpec> properties = new ArrayList<>(List.of(Database.connectionProperties()));
        properties.add(PropertySpec.builder("query", PropertyType.STRING)
                .title("Query")
                .required()
                .placeholder("SELECT * FROM orders WHERE exported = FALSE ORDER BY id")
                .description("Returns the rows to emit. With trackColumn, compare against :last")
                .build());
        properties.add(PropertySpec.builder("interval", PropertyType.DURATION)
                .title("Interval")
                .defaultValue("5s")
                .description("Time between polls")
                .build());
        properties.add(PropertySpec.builder("strategy", PropertyType.ENUM)
                .title("New rows are found by")
                .options("markDone", "trackColumn")
                .defaultValue("markDone")
                .description("markDone: a statement marks each row once its event is finished; "
                        + "trackColumn: the largest key seen so far is remembered")
                .build());
        properties.add(PropertySpec.builder("markDone", PropertyType.STRING)
                .title("Mark-done statement")
                .placeholder("UPDATE orders SET exported = TRUE WHERE id = :id")
                .visibleWhen("strategy=markDone")
                .description("Runs per row after its event finished; :column names bind the row's values")
                .build());
        properties.add(PropertySpec.builder("trackColumn", PropertyType.STRING)
                .title("Key column")
                .placeholder("id")
                .visibleWhen("strategy=trackColumn")
                .description(
                        "An ever-growing column (id, created_at); the query must ORDER BY it and filter with > :last")
                .build());
        properties.add(PropertySpec.builder("trackStart", PropertyType.STRING)
                .title("Start after")
                .defaultValue("0")
                .visibleWhen("strategy=trackColumn")
                .description(
                        "The :last value before anything was emitted (0, or an ISO time like 2026-01-01T00:00:00Z)")
                .build());
        properties.add(PropertySpec.builder("maxRows", PropertyType.INTEGER)
                .title("Rows per poll")
                .defaultValue(100)
                .build());
        properties.add(PropertySpec.builder("columnCase", PropertyType.ENUM)
                .title("Field names")
                .options("lower", "as-is")
                .defaultValue("lower")
                .description("lower: column ID becomes field id (databases differ in how they report names)")
                .build());
        return ConnectorSpec.builder("sql.poll", ConnectorKind.TRIGGER)
                .category("Triggers")
                .title("SQL poll")
                .description("Starts the flow for every new row a query returns")
                .icon("database")
                .outputs(PortSpec.out())
                .properties(properties.toArray(PropertySpec[]::new))
                .helpResource(SqlPollConnector.class, "sql.poll.md")
                .sampleEvent("{\"id\": 1001, \"customer\": \"ACME\", \"total\": 99.50, \"exported\": false}")
                .build();
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        String strategy = config.string("strategy", "markDone");
        String query = config.string("query", "");
        if ("trackColumn".equals(strategy)) {
            String column = config.string("trackColumn", "");
            if (!SqlInsertConnector.IDENTIFIER.matcher(column).matches()) {
                problems.add(new ConfigProblem("/trackColumn", "name the key column the query orders by (e.g. id)"));
            }
            if (!query.isEmpty() && !TemplateParameters.namesIn(query).contains("last")) {
                problems.add(new ConfigProblem(
                        "/query",
                        "with trackColumn the query must select only newer rows, e.g. WHERE "
                                + (column.isEmpty() ? "id" : column) + " > :last ORDER BY "
                                + (column.isEmpty() ? "id" : column)));
            }
        } else if ("markDone".equals(strategy)) {
            if (config.string("markDone").filter(s -> !s.isBlank()).isEmpty()) {
                problems.add(
                        new ConfigProblem(
                                "/markDone",
                                "give the statement that marks a row done, e.g. "
                                        + "UPDATE orders SET exported = TRUE WHERE id = :id — without it every poll would emit the same rows again"));
            }
        } else {
            problems.add(new ConfigProblem("/strategy", "expected markDone or trackColumn, got '" + strategy + "'"));
        }
        if (config.integer("maxRows", 100) < 1) {
            problems.add(new ConfigProblem("/maxRows", "must be at least 1"));
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
        boolean track = "trackColumn".equals(config.string("strategy", "markDone"));
        Duration interval = config.duration("interval", Duration.ofSeconds(5));
        Database database = Database.of(node, config);
        RowPoller poller = new RowPoller(
                node.flowId(),
                node.nodeId(),
                node.status(),
                node.eventSource(),
                database,
                config.requireString("query"),
                (int) config.integer("maxRows", 100),
                !"as-is".equals(config.string("columnCase", "lower")),
                track ? null : config.requireString("markDone"),
                track ? config.requireString("trackColumn") : null,
                config.string("trackStart", "0"),
                interval);

        ProcessorDefinition<?> perRow = node.from("timer:sb.sqlpoll." + node.flowId() + "." + node.nodeId()
                        + "?delay=0&period=" + Math.max(100, interval.toMillis()))
                .process(poller::fetch)
                // one row at a time, in order; a failed row stops this poll so the next one retries it first
                .split(body())
                .stopOnException()
                .process(poller::toEvent);
        node.emit(perRow, PortSpec.OUT).process(poller::done).end();
    }

    private static org.apache.camel.builder.ValueBuilder body() {
        return new org.apache.camel.builder.ValueBuilder(
                org.apache.camel.support.builder.ExpressionBuilder.bodyExpression());
    }
}
