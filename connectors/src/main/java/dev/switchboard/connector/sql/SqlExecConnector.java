package dev.switchboard.connector.sql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.switchboard.connector.support.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** {@code sql.exec}: runs one statement per event with {@code :name} parameters bound from templates. */
public final class SqlExecConnector implements Connector {

    private static final ConnectorSpec SPEC = buildSpec();

    @Override
    public ConnectorSpec spec() {
        return SPEC;
    }

    private static ConnectorSpec buildSpec() {
        List<PropertySpec> properties = new ArrayList<>(List.of(Database.connectionProperties()));
        properties.add(PropertySpec.builder("statement", PropertyType.STRING)
                .title("Statement")
                .required()
                .placeholder("UPDATE stock SET qty = qty - :qty WHERE sku = :sku")
                .description("One SQL statement; :name marks a parameter")
                .build());
        properties.add(PropertySpec.builder("parameters", PropertyType.KEY_VALUE)
                .title("Parameters")
                .description("Parameter name → value template, e.g. sku → {{data.sku}}")
                .build());
        properties.add(PropertySpec.builder("resultField", PropertyType.STRING)
                .title("Result field")
                .placeholder("result")
                .description(
                        "When set, a query's rows (or an update's row count) are added to the event data under this field")
                .build());
        return ConnectorSpec.builder("sql.exec", ConnectorKind.ACTION)
                .category("Actions")
                .title("SQL statement")
                .description("Runs an SQL statement for each event")
                .icon("database")
                .outputs(PortSpec.out())
                .properties(properties.toArray(PropertySpec[]::new))
                .helpResource(SqlExecConnector.class, "sql.exec.md")
                .build();
    }

    @Override
    public List<ConfigProblem> validate(NodeConfig config) {
        Map<String, String> parameters = config.stringMap("parameters");
        List<ConfigProblem> problems = new ArrayList<>(TemplateParameters.problems(parameters, "/parameters"));
        config.string("statement").ifPresent(sql -> {
            for (String name : TemplateParameters.namesIn(sql)) {
                if (!parameters.containsKey(name)) {
                    problems.add(new ConfigProblem(
                            "/parameters",
                            "the statement uses :" + name + " but no parameter '" + name + "' is defined"));
                }
            }
        });
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
        String sql = config.requireString("statement").trim();
        TemplateParameters parameters = TemplateParameters.parse(config.stringMap("parameters"));
        String resultField =
                config.string("resultField").filter(s -> !s.isBlank()).orElse(null);
        boolean query = startsWithWord(sql, "select") || startsWithWord(sql, "with") || startsWithWord(sql, "values");
        Database database = Database.of(node, config);
        node.emit(
                node.route().process(exchange -> {
                    Event event = exchange.getMessage().getBody(Event.class);
                    MapSqlParameterSource values = parameters.bind(event);
                    if (query) {
                        List<Map<String, Object>> rows = database.jdbc().queryForList(sql, values);
                        if (resultField != null) {
                            ArrayNode array = Json.NODES.arrayNode();
                            rows.forEach(row -> array.add(SqlValues.rowToJson(row, true)));
                            exchange.getMessage().setBody(event.withData(withField(event, resultField, array)));
                        }
                    } else {
                        int count = database.jdbc().update(sql, values);
                        if (resultField != null) {
                            exchange.getMessage()
                                    .setBody(event.withData(
                                            withField(event, resultField, Json.NODES.numberNode(count))));
                        }
                    }
                }),
                PortSpec.OUT);
    }

    private static ObjectNode withField(Event event, String field, com.fasterxml.jackson.databind.JsonNode value) {
        ObjectNode data = event.data().isObject() ? ((ObjectNode) event.data()).deepCopy() : Json.NODES.objectNode();
        data.set(field, value);
        return data;
    }

    private static boolean startsWithWord(String sql, String word) {
        return sql.toLowerCase(Locale.ROOT).matches("(?s)^" + word + "\\b.*");
    }
}
