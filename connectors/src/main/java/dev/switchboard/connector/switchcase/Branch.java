package dev.switchboard.connector.switchcase;

import dev.switchboard.connector.rules.RuleSet;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.PortSpec;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One switch branch: the port it sends to and the rules an event must meet to go there. */
record Branch(String name, RuleSet rules) {

    /** Port names a branch may not take: the switch's own default port and the error port. */
    static final Set<String> RESERVED = Set.of(SwitchConnector.DEFAULT_PORT, PortSpec.ERROR);

    /** Reads every branch; problems go to {@code problems}, and the result holds only the good ones. */
    static List<Branch> readAll(NodeConfig config, List<ConfigProblem> problems) {
        List<NodeConfig> items = config.objects("branches");
        if (items.isEmpty() || items.size() != config.list("branches").size()) {
            problems.add(
                    new ConfigProblem(
                            "/branches",
                            "Add at least one branch, each an object with name and rules, e.g. "
                                    + "{\"name\": \"big\", \"rules\": [{\"field\": \"data.total\", \"op\": \"gte\", \"value\": 1000}]}"));
        }
        List<Branch> branches = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String pointer = "/branches/" + i;
            NodeConfig item = items.get(i);
            String name = item.string("name", "").trim();
            if (name.isEmpty()) {
                problems.add(new ConfigProblem(pointer + "/name", "Name the branch; the name becomes its output port"));
            } else if (RESERVED.contains(name)) {
                problems.add(
                        new ConfigProblem(pointer + "/name", "'" + name + "' is a reserved port name; pick another"));
            } else if (!seen.add(name)) {
                problems.add(new ConfigProblem(pointer + "/name", "Another branch is already named '" + name + "'"));
            }
            RuleSet rules = RuleSet.read(item, pointer, problems);
            if (rules != null && !name.isEmpty()) {
                branches.add(new Branch(name, rules));
            }
        }
        return branches;
    }

    /** The distinct, non-empty branch names in order: the ports, even while the config is being edited. */
    static List<String> names(NodeConfig config) {
        List<String> names = new ArrayList<>();
        for (NodeConfig item : config.objects("branches")) {
            String name = item.string("name", "").trim();
            if (!name.isEmpty() && !RESERVED.contains(name) && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
