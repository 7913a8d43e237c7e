package dev.switchboard.runtime.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.switchboard.connector.rules.RuleSet;
import dev.switchboard.connector.spi.ConfigProblem;
import dev.switchboard.connector.spi.config.ConfigValue;
import dev.switchboard.connector.spi.config.NodeConfig;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.JsonSchemaValidators;
import dev.switchboard.runtime.format.MalformedFlowException;
import dev.switchboard.runtime.secrets.SecretResolver;
import dev.switchboard.runtime.validate.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Reads {@code policies.json} (the JSON edge of the policy model): strict JSON as for flows, the
 * published schema ({@value #RESOURCE}; docs/schema/policies.schema.json is a copy kept equal by a
 * test), then what the schema cannot say — field paths, rules, a hash key that resolves, unique
 * names. Every problem carries the JSON pointer of what is wrong.
 */
public final class PoliciesFile {
    public static final String FILE = "policies.json";
    public static final String FORMAT = "switchboard/policies@1";
    public static final String RESOURCE = "/dev/switchboard/runtime/policy/policies.schema.json";

    private static final JsonNode SCHEMA_TREE = readSchemaTree();
    private static final Schema SCHEMA = JsonSchemaValidators.REGISTRY.getSchema(SCHEMA_TREE);
    private static final PolicySchemaMessages MESSAGES = new PolicySchemaMessages(SCHEMA_TREE);

    private PoliciesFile() {}

    /** The policies in {@code file}; the hash key, when named, resolved through {@code secrets}. */
    public static Policies read(Path file, SecretResolver secrets) throws PolicyFileException {
        JsonNode tree;
        try {
            tree = FlowCodec.parseTree(FlowCodec.readFile(file));
        } catch (MalformedFlowException e) {
            String message = e.getMessage();
            int quoted = message.indexOf(" (for ");
            throw new PolicyFileException(
                    file,
                    List.of(Problem.error(
                            "",
                            (e.line() > 0 ? "line " + e.line() + ", column " + e.column() + ": " : "")
                                    + (quoted > 0 ? message.substring(0, quoted) : message))));
        } catch (IOException e) {
            throw new PolicyFileException(file, List.of(Problem.error("", "cannot be read: " + e.getMessage())));
        }
        return fromTree(file, tree, secrets);
    }

    static Policies fromTree(Path file, JsonNode tree, SecretResolver secrets) throws PolicyFileException {
        List<Problem> problems = new ArrayList<>();
        for (Error error : SCHEMA.validate(tree)) {
            Problem problem = MESSAGES.toProblem(error);
            // both branches of "fields or classification" report the same missing choice
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyFileException(file, problems);
        }
        Set<String> names = new HashSet<>();
        List<MaskRule> masking = readMasking(tree.path("masking"), names, problems);
        List<RoutingRule> routing = readRouting(tree.path("routing"), names, problems);
        byte[] hashKey = null;
        boolean hashes = masking.stream().anyMatch(r -> r.method() == MaskMethod.HASH);
        if (tree.has("hashKey")) {
            Matcher m = SecretResolver.REFERENCE.matcher(tree.get("hashKey").textValue());
            if (m.matches()) {
                String name = m.group(1);
                hashKey = secrets.value(name)
                        .map(v -> v.getBytes(StandardCharsets.UTF_8))
                        .orElse(null);
                if (hashKey == null) {
                    problems.add(Problem.error(
                            "/hashKey",
                            "The secret '" + name + "' is not set: add it with `switchboard secrets set " + name
                                    + "`, to the --secrets file or to the environment"));
                }
            }
        } else if (hashes) {
            int at = 0;
            for (JsonNode rule : tree.path("masking")) {
                if ("hash".equals(rule.path("method").asText())) {
                    problems.add(
                            Problem.error(
                                    "/masking/" + at + "/method",
                                    "The hash method needs a key: add \"hashKey\": \"{{secret:NAME}}\" at the top of the file"));
                }
                at++;
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyFileException(file, problems);
        }
        return new Policies(masking, routing, hashKey);
    }

    private static List<MaskRule> readMasking(JsonNode rules, Set<String> names, List<Problem> problems) {
        List<MaskRule> result = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            String pointer = "/masking/" + i;
            String name = name(rule, "masking[" + i + "]", pointer, names, problems);
            List<MaskPath> fields = new ArrayList<>();
            JsonNode given = rule.path("fields");
            for (int f = 0; f < given.size(); f++) {
                try {
                    fields.add(MaskPath.parse(given.get(f).textValue()));
                } catch (IllegalArgumentException e) {
                    problems.add(Problem.error(pointer + "/fields/" + f, e.getMessage()));
                }
            }
            List<String> destinations = new ArrayList<>();
            rule.path("applyTo").path("destinations").forEach(d -> destinations.add(d.textValue()));
            MaskMethod method = MaskMethod.valueOf(rule.path("method").asText().toUpperCase(Locale.ROOT));
            String classification =
                    rule.has("classification") ? rule.get("classification").textValue() : null;
            result.add(new MaskRule(name, fields, method, destinations, classification));
        }
        return result;
    }

    private static List<RoutingRule> readRouting(JsonNode rules, Set<String> names, List<Problem> problems) {
        List<RoutingRule> result = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            String pointer = "/routing/" + i;
            String name = name(rule, "routing[" + i + "]", pointer, names, problems);
            List<ConfigProblem> found = new ArrayList<>();
            ConfigValue when = FlowCodec.toConfigValue(rule.get("when"));
            RuleSet set = when instanceof ConfigValue.Fields fields
                    ? RuleSet.read(new NodeConfig(fields), pointer + "/when", found)
                    : null;
            found.forEach(p -> problems.add(Problem.error(p.pointer(), p.message())));
            JsonNode allow = rule.path("allow");
            result.add(new RoutingRule(name, set, texts(allow.get("hosts")), texts(allow.get("topics"))));
        }
        return result;
    }

    private static String name(
            JsonNode rule, String fallback, String pointer, Set<String> names, List<Problem> problems) {
        String name = rule.has("name") ? rule.get("name").textValue() : fallback;
        if (!names.add(name)) {
            problems.add(Problem.error(
                    pointer + "/name", "The name '" + name + "' is taken by an earlier policy: names must be unique"));
        }
        return name;
    }

    private static List<String> texts(JsonNode array) {
        if (array == null) {
            return null;
        }
        List<String> result = new ArrayList<>();
        array.forEach(item -> result.add(item.textValue()));
        return result;
    }

    private static JsonNode readSchemaTree() {
        try (InputStream in = PoliciesFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The policies schema " + RESOURCE + " is missing from the class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
