package dev.switchboard.runtime.importer.nodered;

import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code switch} → {@code filter} when it has one rule (an "otherwise" rule becomes its
 * {@code unmatched} port), else {@code switch} with one branch per rule, named {@code rule1} …,
 * and "otherwise" as its {@code default} port. "Checking all rules" is mode {@code all},
 * "stopping after the first match" mode {@code first}.
 */
final class SwitchMapper implements NodeMapper {
    @Override
    public Mapping map(NodeRedNode node, ImportContext context) throws Unmappable {
        MsgPaths.requireMsg(node.text("propertyType", "msg"), "its property");
        String field = MsgPaths.lookup(node.text("property", "payload"));
        List<NodeConfig> rules = node.props().objects("rules");
        if (rules.isEmpty()) {
            throw new Unmappable("it has no rules");
        }
        List<List<ConfigValue>> conditions = new ArrayList<>();
        boolean otherwise = false;
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).string("t", "").equals("else")) {
                if (i != rules.size() - 1) {
                    throw new Unmappable("its 'otherwise' rule is not the last one");
                }
                otherwise = true;
            } else {
                conditions.add(SwitchRules.convert(field, rules.get(i), i + 1));
            }
        }
        if (conditions.isEmpty()) {
            throw new Unmappable("it has only an 'otherwise' rule, which passes everything on");
        }
        List<String> ports = new ArrayList<>();
        if (conditions.size() == 1) {
            ports.add("matched");
            if (otherwise) {
                ports.add("unmatched");
            }
            return new Mapping.Converted(
                    "filter",
                    List.of(ConfigValue.object("match", "all", "rules", new ConfigValue.Items(conditions.get(0)))),
                    ports,
                    List.of(),
                    false);
        }
        List<ConfigValue> branches = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            String name = "rule" + (i + 1);
            branches.add(ConfigValue.object(
                    "name", name, "match", "all", "rules", new ConfigValue.Items(conditions.get(i))));
            ports.add(name);
        }
        if (otherwise) {
            ports.add("default");
        }
        String mode = node.text("checkall", "true").equals("true") ? "all" : "first";
        return new Mapping.Converted(
                "switch",
                List.of(ConfigValue.object("mode", mode, "branches", new ConfigValue.Items(branches))),
                ports,
                List.of(),
                false);
    }
}
