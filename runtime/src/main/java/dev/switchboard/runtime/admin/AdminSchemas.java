package dev.switchboard.runtime.admin;

import dev.switchboard.runtime.contract.CompatibilityMode;
import dev.switchboard.runtime.contract.IncompatibleSchemaException;
import dev.switchboard.runtime.contract.InvalidSchemaException;
import dev.switchboard.runtime.contract.RegisteredSchema;
import dev.switchboard.runtime.contract.SchemaChange;
import dev.switchboard.runtime.contract.SchemaRegistry;
import dev.switchboard.runtime.contract.SchemaRegistryException;
import dev.switchboard.runtime.validate.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code /api/schemas} routes: the data contracts' registry (the flows' schemas folder merged
 * with the versions registered in the store), read, and written to the store.
 */
final class AdminSchemas {
    /** Null when the runtime has no registry. */
    private final SchemaRegistry schemas;

    AdminSchemas(SchemaRegistry schemas) {
        this.schemas = schemas;
    }

    AdminResponse list() throws SchemaRegistryException {
        if (schemas == null) {
            return AdminResponse.json(200, AdminJson.subjects(null, List.of()));
        }
        List<AdminJson.Subject> subjects = new ArrayList<>();
        for (String subject : schemas.subjects()) {
            subjects.add(new AdminJson.Subject(subject, schemas.versions(subject), schemas.mode(subject)));
        }
        return AdminResponse.json(200, AdminJson.subjects(schemas.dir().toString(), subjects));
    }

    AdminResponse show(String subject, String version) throws SchemaRegistryException {
        if (schemas == null || !SchemaRegistry.isValidSubject(subject)) {
            return AdminApi.notFound("No schema subject " + subject);
        }
        Integer wanted = null;
        if (!version.equals("latest")) {
            if (!version.matches("[1-9][0-9]{0,8}")) {
                return AdminApi.error(400, "bad-request", "The version is a number from 1, or latest; not " + version);
            }
            wanted = Integer.valueOf(version);
        }
        Optional<RegisteredSchema> found = schemas.find(subject, wanted);
        if (found.isEmpty()) {
            return AdminApi.notFound(
                    "No schema " + subject + "@" + version + " (versions: " + schemas.versions(subject) + ")");
        }
        return AdminResponse.json(200, AdminJson.schema(found.get(), schemas.mode(subject)));
    }

    /**
     * Registers the body as the subject's next version: 201, or 200 when it is the latest already;
     * 400 for an invalid schema, 409 when it breaks the subject's mode, each problem with its pointer.
     */
    AdminResponse register(String subject, String body) throws SchemaRegistryException {
        AdminResponse refused = refuseSubject(subject);
        if (refused != null) {
            return refused;
        }
        if (body == null || body.isBlank()) {
            return AdminApi.error(400, "invalid-schema", "The body is empty: POST the JSON Schema to register");
        }
        int before = schemas.versions(subject).size();
        RegisteredSchema registered;
        try {
            registered = schemas.register(subject, body);
        } catch (InvalidSchemaException e) {
            return AdminResponse.json(
                    400,
                    AdminJson.error(
                            "invalid-schema",
                            e.getMessage(),
                            e.problems().stream()
                                    .map(p -> Problem.error(p.pointer(), p.message()))
                                    .toList()));
        } catch (IncompatibleSchemaException e) {
            return AdminResponse.json(
                    409,
                    AdminJson.error(
                            "incompatible-schema",
                            e.getMessage() + "; nothing was registered",
                            e.breakingChanges().stream()
                                    .map(AdminSchemas::problem)
                                    .toList()));
        } catch (SchemaRegistry.RegisteredMeanwhileException e) {
            return AdminApi.error(409, "conflict", e.getMessage());
        }
        boolean created = schemas.versions(subject).size() > before;
        return AdminResponse.json(created ? 201 : 200, AdminJson.schema(registered, schemas.mode(subject)))
                .withHeader("Location", "/api/schemas/" + subject + "/" + registered.version());
    }

    /** Sets the subject's mode from {@code {"compatibility": "FULL"}}; later registrations are checked under it. */
    AdminResponse setCompatibility(String subject, String body) throws SchemaRegistryException {
        AdminResponse refused = refuseSubject(subject);
        if (refused != null) {
            return refused;
        }
        Optional<CompatibilityMode> mode = AdminJson.compatibilityOf(body == null ? "" : body);
        if (mode.isEmpty()) {
            return AdminResponse.json(
                    400,
                    AdminJson.error(
                            "bad-request",
                            "The body names the mode: {\"compatibility\": \"BACKWARD\"}",
                            List.of(Problem.error("/compatibility", "expected one of BACKWARD, FORWARD, FULL, NONE"))));
        }
        schemas.setMode(subject, mode.get());
        return AdminResponse.json(200, AdminJson.compatibility(subject, mode.get()));
    }

    private AdminResponse refuseSubject(String subject) {
        if (schemas == null) {
            return AdminApi.notFound("This runtime keeps no schema registry");
        }
        if (!SchemaRegistry.isValidSubject(subject)) {
            return AdminApi.error(
                    400,
                    "bad-request",
                    "'" + subject + "' is not a valid subject: use letters, digits, '.', '-' and '_',"
                            + " starting with a letter or digit");
        }
        return null;
    }

    private static Problem problem(SchemaChange change) {
        return Problem.error(change.pointer(), change.message());
    }
}
