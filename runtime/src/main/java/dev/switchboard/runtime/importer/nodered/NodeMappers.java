package dev.switchboard.runtime.importer.nodered;

import java.util.Map;
import java.util.Optional;

/** The mapper for each Node-RED node type the importer converts or knows a reason for. */
final class NodeMappers {
    private static final Map<String, NodeMapper> BY_TYPE = Map.ofEntries(
            Map.entry("http in", new HttpInMapper()),
            Map.entry("http response", new HttpResponseMapper()),
            Map.entry("http request", new HttpRequestMapper()),
            Map.entry("inject", new InjectMapper()),
            Map.entry("switch", new SwitchMapper()),
            Map.entry("change", new ChangeMapper()),
            Map.entry("template", new TemplateMapper()),
            Map.entry("mqtt in", new MqttInMapper()),
            Map.entry("mqtt out", new MqttOutMapper()),
            Map.entry("link in", new LinkInMapper()),
            Map.entry("link out", new LinkOutMapper()),
            Map.entry("delay", new DelayMapper()),
            Map.entry("split", new SplitMapper()),
            Map.entry("join", new JoinMapper()),
            Map.entry("debug", new DebugMapper()),
            Map.entry(
                    "function",
                    new ReportedMapper("its JavaScript is not run: Switchboard never evaluates code; rebuild it with"
                            + " map, filter and switch steps (the code is kept in this node's config)")),
            Map.entry(
                    "catch",
                    new ReportedMapper("no catch node: wire the failing node's error port, or rely on the flow's"
                            + " retries and dead letters (settings.retry, settings.deadLetter)")),
            Map.entry(
                    "status",
                    new ReportedMapper("no status node: node status is in the runtime's metrics and health"
                            + " (docs/operations.md) and the designer")),
            Map.entry(
                    "complete",
                    new ReportedMapper("no complete node: when and how each event finished is in run history"
                            + " (switchboard runs)")),
            Map.entry(
                    "junction",
                    (node, context) -> new Mapping.Dropped("a junction: the wires through it are joined up directly")),
            Map.entry(
                    "comment",
                    (node, context) -> new Mapping.Dropped("a comment: its text is in the flow's description")));

    private NodeMappers() {}

    static Optional<NodeMapper> forType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
