package dev.switchboard.runtime.export;

import static dev.switchboard.runtime.export.CamelSteps.map;
import static dev.switchboard.runtime.export.CamelSteps.simple;

import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code sql.*} as the {@code sql} component. Named parameters ({@code :qty}) become Camel's
 * {@code :#qty}, filled from variables set from the node's parameter templates; the data source
 * is a bean the file names by a property placeholder (see docs/export-camel.md).
 */
final class SqlTranslator implements NodeTranslator {

    @Override
    public List<String> types() {
        return List.of("sql.poll", "sql.exec", "sql.insert");
    }

    @Override
    public void translate(NodeExport node) {
        NodeConfig config = node.config();
        node.note(
                "jdbcUrl " + SimpleTemplates.placeholders(config.string("jdbcUrl", "")),
                "register a javax.sql.DataSource bean named 'dataSource' for this database");
        switch (node.type()) {
            case "sql.poll" -> {
                long millis = config.duration("interval", java.time.Duration.ofSeconds(5))
                        .toMillis();
                Map<String, Object> parameters =
                        map("delay", millis, "maxMessagesPerPoll", config.integer("maxRows", 100));
                if (config.string("strategy", "markDone").equals("markDone")) {
                    // the polled row's columns fill :#name in onConsume
                    parameters.put(
                            "onConsume",
                            config.string("markDone", "").replaceAll("(?<![:\\w]):([A-Za-z_]\\w*)", ":#$1"));
                } else {
                    node.note(
                            "strategy " + config.string("strategy", ""),
                            "not exported: every poll reads all rows again");
                }
                node.from("sql:" + config.string("query", ""), parameters);
                node.add(CamelSteps.step("marshal", map("json", map())));
                node.note(
                        "rows", "marshalled with Camel's JSON data format (camel-jackson); column case is not changed");
            }
            case "sql.exec" -> {
                config.stringMap("parameters")
                        .forEach((name, value) -> node.add(CamelSteps.setVariable(
                                name, simple(SimpleTemplates.simple(value, node, "parameters." + name)))));
                node.add(CamelSteps.to(
                        "sql:" + named(config.string("statement", "")), map("useMessageBodyForSql", false)));
                node.note("result", "Camel's sql result replaces the body; resultField is not exported");
            }
            default -> {
                Map<String, String> columns = config.stringMap("columns");
                List<String> names = new ArrayList<>(columns.keySet());
                columns.forEach((name, value) -> node.add(
                        CamelSteps.setVariable(name, simple(SimpleTemplates.simple(value, node, "columns." + name)))));
                String insert =
                        "INSERT INTO " + config.string("table", "") + " (" + String.join(", ", names) + ") VALUES ("
                                + String.join(
                                        ", ",
                                        names.stream()
                                                .map(n -> ":#${variable." + n + "}")
                                                .toList()) + ")";
                node.add(CamelSteps.to("sql:" + insert, map()));
            }
        }
    }

    /** {@code :name} → {@code :#${variable.name}}; quoted text and {@code ::} casts left alone. */
    private static String named(String statement) {
        return statement.replaceAll("(?<![:\\w]):([A-Za-z_][A-Za-z0-9_]*)", ":#\\${variable.$1}");
    }
}
