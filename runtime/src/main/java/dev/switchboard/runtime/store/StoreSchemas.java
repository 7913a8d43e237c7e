package dev.switchboard.runtime.store;

import dev.switchboard.runtime.contract.CompatibilityMode;
import dev.switchboard.runtime.contract.SchemaRegistryException;
import dev.switchboard.runtime.contract.SharedSchemas;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registered schema versions and subject modes in the store's {@code registered_schemas} and
 * {@code schema_subjects} (migration V11), plain SQL that H2 and PostgreSQL both run. A version is
 * inserted, never updated: the primary key refuses a second registration of the same version.
 */
public final class StoreSchemas implements SharedSchemas {
    /** SQLSTATE of a unique or primary key violation, in H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Store store;

    public StoreSchemas(Store store) {
        this.store = store;
    }

    @Override
    public String where() {
        return "the store (" + Store.redacted(store.url()) + ")";
    }

    @Override
    public List<String> subjects() throws SchemaRegistryException {
        try (Connection c = store.connection();
                PreparedStatement s =
                        c.prepareStatement("SELECT DISTINCT subject FROM registered_schemas ORDER BY subject");
                ResultSet r = s.executeQuery()) {
            List<String> subjects = new ArrayList<>();
            while (r.next()) {
                subjects.add(r.getString(1));
            }
            return subjects;
        } catch (SQLException e) {
            throw failed("read the registered subjects", e);
        }
    }

    @Override
    public List<Integer> versions(String subject) throws SchemaRegistryException {
        try (Connection c = store.connection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT version FROM registered_schemas WHERE subject = ? ORDER BY version")) {
            s.setString(1, subject);
            try (ResultSet r = s.executeQuery()) {
                List<Integer> versions = new ArrayList<>();
                while (r.next()) {
                    versions.add(r.getInt(1));
                }
                return versions;
            }
        } catch (SQLException e) {
            throw failed("read the versions of " + subject, e);
        }
    }

    @Override
    public Optional<String> text(String subject, int version) throws SchemaRegistryException {
        try (Connection c = store.connection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT schema_json FROM registered_schemas WHERE subject = ? AND version = ?")) {
            s.setString(1, subject);
            s.setInt(2, version);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("read " + subject + "@" + version, e);
        }
    }

    @Override
    public Optional<CompatibilityMode> mode(String subject) throws SchemaRegistryException {
        try (Connection c = store.connection();
                PreparedStatement s =
                        c.prepareStatement("SELECT compatibility FROM schema_subjects WHERE subject = ?")) {
            s.setString(1, subject);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                String stored = r.getString(1);
                return Optional.of(CompatibilityMode.of(stored)
                        .orElseThrow(() -> new SchemaRegistryException(
                                where() + " holds an unknown compatibility mode for " + subject + ": " + stored)));
            }
        } catch (SQLException e) {
            throw failed("read the compatibility mode of " + subject, e);
        }
    }

    @Override
    public void setMode(String subject, CompatibilityMode mode) throws SchemaRegistryException {
        try {
            store.inTransaction(c -> {
                // update first, insert when there was no row: portable between H2 and PostgreSQL
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE schema_subjects SET compatibility = ?, updated_at = ? WHERE subject = ?")) {
                    update.setString(1, mode.name());
                    update.setObject(2, now());
                    update.setString(3, subject);
                    if (update.executeUpdate() == 1) {
                        return null;
                    }
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO schema_subjects (subject, compatibility, updated_at) VALUES (?, ?, ?)")) {
                    insert.setString(1, subject);
                    insert.setString(2, mode.name());
                    insert.setObject(3, now());
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (Store.StoreException e) {
            throw new SchemaRegistryException(
                    "Cannot store the compatibility mode of " + subject + " in " + where() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean add(String subject, int version, String text) throws SchemaRegistryException {
        try (Connection c = store.connection();
                PreparedStatement s = c.prepareStatement("INSERT INTO registered_schemas"
                        + " (subject, version, schema_json, created_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, subject);
            s.setInt(2, version);
            s.setString(3, text);
            s.setObject(4, now());
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw failed("store " + subject + "@" + version, e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private SchemaRegistryException failed(String what, SQLException e) {
        return new SchemaRegistryException("Cannot " + what + " in " + where() + ": " + e.getMessage(), e);
    }
}
