package dev.switchboard.connector.sql;

import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.Connector;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.connector.spi.ConnectorSpec;
import dev.switchboard.connector.spi.Event;
import dev.switchboard.connector.spi.NodeContext;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.PropertySpec;
import dev.switchboard.connector.spi.PropertyType;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@code sql.insert}: one row per event, each column's value from a template, always bound as a parameter. */
public final class SqlInsertConnector implements Connector {
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private static final ConnectorSpec SPEC = buildSpec();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    private static ConnectorSpec buildSpec() {
        List<PropertySpec> properties = new ArrayList<>(List.of(Database.connectionProperties()));
        properties.add(PropertySpec.builder("table", PropertyType.STRING)
                .title("Table")
                .required()
                .placeholder("orders")
                .description("Table name, optionally schema.table")
                .build());
        properties.add(PropertySpec.builder("columns", PropertyType.KEY_VALUE)
                .title("Columns")
                .required()
                .description("Column name → value template, e.g. customer → {{data.customer}}. "
                        + "A template that is one field keeps its type (number, boolean)")
                .build());
        return ConnectorSpec.builder("sql.insert", ConnectorKind.ACTION)
                .category("Actions")
                .title("SQL insert")
                .description("Inserts a row for each event")
                .icon("database")
                .outputs(PortSpec.out())
                .properties(properties.toArray(PropertySpec[]::new))
                .helpResource(SqlInsertConnector.class, "sql.insert.md")
                .build();
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        config.string("table")
                .filter(t -> !TABLE.matcher(t).matches())
                .ifPresent(t -> problems.add(new ConfigProblem(
                        "/table",
                        "'" + t + "' is not a plain table name (letters, digits and _, optionally schema.table)")));
        Map<String, String> columns = config.stringMap("columns");
        if (columns.isEmpty()) {
            problems.add(new ConfigProblem("/columns", "map at least one column to a value"));
        }
        columns.keySet().stream()
                .filter(c -> !IDENTIFIER.matcher(c).matches())
                .forEach(c -> problems.add(new ConfigProblem(
                        "/columns/" + c, "'" + c + "' is not a plain column name (letters, digits and _)")));
        problems.addAll(TemplateParameters.problems(columns, "/columns"));
        return problems;
    }

    @Override
    public void compile(NodeContext node) {
        List<ConfigProblem> problems = validate(node.config());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).pointer().substring(1) + ": "
                    + problems.get(0).message());
        }
        String table = node.config().requireString("table");
        Map<String, String> columns = node.config().stringMap("columns");
        // column names are checked identifiers; values are parameters p0, p1 … so no data reaches the SQL text
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(columns.keySet());
        for (int i = 0; i < names.size(); i++) {
            parameters.put("p" + i, columns.get(names.get(i)));
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + parameters.keySet().stream().map(p -> ":" + p).collect(Collectors.joining(", ")) + ")";
        TemplateParameters values = TemplateParameters.parse(parameters);
        Database database = Database.of(node, node.config());
        node.emit(
                node.route().process(exchange -> {
                    Event event = exchange.getMessage().getBody(Event.class);
                    database.jdbc().update(sql, values.bind(event));
                }),
                PortSpec.OUT);
    }
}
