package dev.switchboard.runtime.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import dev.switchboard.runtime.format.FlowCodec;
import dev.switchboard.runtime.format.JsonSchemaValidators;
import dev.switchboard.runtime.format.MalformedFlowException;
import dev.switchboard.runtime.model.ContractBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry's schemas made ready to check events, by the json-schema-validator the flow files
 * are checked with: each version compiled once (a version never changes), draft 2020-12 unless
 * the schema's {@code $schema} names another draft.
 */
public final class ContractSchemas {
    private static final com.networknt.schema.SchemaRegistry VALIDATORS = JsonSchemaValidators.REGISTRY;

    private final SchemaRegistry registry;
    private final Map<String, CompiledContract> compiled = new ConcurrentHashMap<>();

    public ContractSchemas(SchemaRegistry registry) {
        this.registry = registry;
    }

    public SchemaRegistry registry() {
        return registry;
    }

    /**
     * The binding's schema, compiled; a binding without a version gets the subject's latest now
     * (a flow deployed later may get a newer one).
     */
    public CompiledContract resolve(ContractBinding binding) throws SchemaRegistryException {
        RegisteredSchema schema =
                registry.find(binding.subject(), binding.version()).orElse(null);
        if (schema == null) {
            throw new SchemaRegistryException(
                    "The contract '" + binding.reference() + "' is not in " + registry.where() + missingWhat(binding));
        }
        return compiled.computeIfAbsent(
                schema.reference(), ref -> new CompiledContract(ref, VALIDATORS.getSchema(schema.schema())));
    }

    private String missingWhat(ContractBinding binding) throws SchemaRegistryException {
        List<Integer> versions = registry.versions(binding.subject());
        return versions.isEmpty() ? " (no such subject)" : " (versions: " + versions + ")";
    }

    /**
     * A schema file's text as a tree: JSON (malformed text named with line and column), an object
     * or a boolean, and valid against the draft 2020-12 meta-schema.
     */
    static JsonNode parseSchema(String text, String what) throws SchemaRegistryException {
        JsonNode tree;
        try {
            tree = FlowCodec.parseTree(text);
        } catch (MalformedFlowException e) {
            String message =
                    e.getMessage() + (e.line() > 0 ? " (line " + e.line() + ", column " + e.column() + ")" : "");
            throw new InvalidSchemaException(
                    what + " is not valid JSON: " + message,
                    List.of(new InvalidSchemaException.Problem("", message)),
                    e);
        }
        if (!tree.isObject() && !tree.isBoolean()) {
            String message = "a JSON Schema is an object (or true/false), not "
                    + tree.getNodeType().name().toLowerCase(Locale.ROOT);
            throw new InvalidSchemaException(
                    what + " must be a JSON Schema: " + message,
                    List.of(new InvalidSchemaException.Problem("", message)),
                    null);
        }
        List<String> lines = new ArrayList<>();
        List<InvalidSchemaException.Problem> problems = new ArrayList<>();
        for (Error error : MetaSchema.DRAFT_2020_12.validate(tree)) {
            String pointer = error.getInstanceLocation().toString();
            lines.add((pointer.isEmpty() ? "/" : pointer) + ": " + error.getMessage());
            problems.add(new InvalidSchemaException.Problem(pointer, error.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSchemaException(
                    what + " is not a valid JSON Schema: " + String.join("; ", lines), problems, null);
        }
        return tree;
    }

    /**
     * The draft 2020-12 meta-schema, compiled on first use: only registering or checking a schema
     * needs it, and compiling it is a noticeable part of a start that binds no contract.
     */
    private static final class MetaSchema {
        static final Schema DRAFT_2020_12 =
                VALIDATORS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    }

    /** One version's schema, compiled: what an event's data is checked against. */
    public static final class CompiledContract {
        private final String reference;
        private final Schema schema;

        CompiledContract(String reference, Schema schema) {
            this.reference = reference;
            this.schema = schema;
        }

        /** {@code orders@2}: the version in force, also when the binding named none. */
        public String reference() {
            return reference;
        }

        /** Every place the data breaks the contract, each with its JSON pointer; empty when it fits. */
        public List<ContractViolation> violations(JsonNode data) {
            List<ContractViolation> violations = new ArrayList<>();
            for (Error error : schema.validate(data)) {
                violations.add(toViolation(error));
            }
            return violations;
        }

        private static ContractViolation toViolation(Error error) {
            String pointer = error.getInstanceLocation().toString();
            String keyword = error.getKeyword() == null ? "" : error.getKeyword();
            if ((keyword.equals("required") || keyword.equals("additionalProperties")) && error.getProperty() != null) {
                pointer = pointer + "/" + PropertiesRule.escape(error.getProperty());
            }
            return new ContractViolation(pointer, error.getMessage());
        }
    }
}
