package dev.switchboard.runtime.format;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.Locale;

/**
 * The one json-schema-validator setup every JSON Schema in the runtime is run with — flow files,
 * flow-test files, policies files and data contracts: draft 2020-12 unless a schema's
 * {@code $schema} says otherwise, locations as JSON pointers (what every problem reports), English
 * messages whatever the machine's locale.
 */
public final class JsonSchemaValidators {
    public static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .locale(Locale.ENGLISH)
                    .build()));

    private JsonSchemaValidators() {}
}
