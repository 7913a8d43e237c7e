package dev.switchboard.runtime.export;

import dev.switchboard.connector.spi.ConnectorCatalog;
import dev.switchboard.connector.spi.ConnectorKind;
import dev.switchboard.runtime.model.Flow;
import dev.switchboard.runtime.model.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A flow as Camel YAML DSL that stock Apache Camel runs: one route per node, as in Switchboard's
 * own compiler, a trigger's route consuming from its endpoint and every other node's from
 * {@code direct:<flow>.<node>}. The message body is the event's data as JSON text; the CloudEvents
 * envelope is not carried. What cannot be expressed is returned as {@link ExportNote}s and written
 * at the top of the file.
 */
public final class CamelYamlExport {
    private static final List<NodeTranslator> TRANSLATORS = List.of(
            new WebhookTranslator(),
            new ScheduleTranslator(),
            new FilterTranslator(),
            new SwitchTranslator(),
            new MapTranslator(),
            new HttpRequestTranslator(),
            new LogTranslator(),
            new KafkaTranslator(),
            new BrokerTranslator(),
            new MqttTranslator(),
            new SqlTranslator(),
            new MailTranslator(),
            new FileTranslator(),
            new PubSubTranslator());

    private final ConnectorCatalog catalog;
    private final Map<String, NodeTranslator> byType = new HashMap<>();

    public CamelYamlExport(ConnectorCatalog catalog) {
        this.catalog = catalog;
        for (NodeTranslator translator : TRANSLATORS) {
            translator.types().forEach(type -> byType.put(type, translator));
        }
    }

    /** The connector ids this export translates; any other node is noted as not exported. */
    public List<String> translatedTypes() {
        return byType.keySet().stream().sorted().toList();
    }

    /** @param flow a flow that passed validation (the CLI validates before it exports) */
    public CamelExport export(Flow flow) {
        List<ExportNote> notes = new ArrayList<>(FlowNotes.of(flow));
        Map<String, String> beans = new LinkedHashMap<>();
        List<Object> routes = new ArrayList<>();
        for (Node node : flow.nodes()) {
            NodeExport export = new NodeExport(flow, node, notes, beans);
            boolean trigger = isTrigger(flow, node);
            byType.getOrDefault(node.type(), new NotExportedTranslator(trigger)).translate(export);
            if (!export.sendsItself()) {
                export.steps().addAll(export.sendTo("out"));
            }
            if (export.isWired("error")) {
                notes.add(new ExportNote(
                        node.id(),
                        "error port",
                        "not exported: a failure ends the exchange with Camel's error handler"));
            }
            Map<String, Object> from = export.fromDefinition();
            if (from == null) {
                from = CamelSteps.map("uri", NodeExport.inputOf(flow.id(), node.id()));
            }
            routes.add(route(flow.id() + "." + node.id(), from, export.steps()));
            export.extraRoutes()
                    .forEach((uri, steps) ->
                            routes.add(route(uri.substring("direct:".length()), CamelSteps.map("uri", uri), steps)));
        }
        List<Object> document = new ArrayList<>();
        if (!beans.isEmpty()) {
            List<Object> definitions = new ArrayList<>();
            beans.forEach((name, text) -> definitions.add(CamelSteps.map(
                    "name", name, "type", "java.lang.String", "constructors", CamelSteps.map("0", text))));
            document.add(CamelSteps.map("beans", definitions));
        }
        document.addAll(routes);
        return new CamelExport(CamelYamlWriter.write(flow, notes, document), notes);
    }

    private boolean isTrigger(Flow flow, Node node) {
        return catalog.find(node.type())
                .map(c -> c.spec().kind() == ConnectorKind.TRIGGER)
                .orElse(flow.wiresTo(node.id()).isEmpty());
    }

    private static Map<String, Object> route(String id, Map<String, Object> from, List<Object> steps) {
        Map<String, Object> fromWithSteps = new LinkedHashMap<>(from);
        // Camel refuses a route without an output
        fromWithSteps.put("steps", steps.isEmpty() ? List.of(CamelSteps.stop()) : steps);
        return CamelSteps.map("route", CamelSteps.map("id", id, "from", fromWithSteps));
    }
}
