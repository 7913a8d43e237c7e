-- Data contracts registered through the admin API: JSON Schemas by subject in numbered versions,
-- kept in the store so every runtime sharing it (cluster mode) sees them. A version is never
-- changed once written; the primary key makes two registrations at once unable to take the same
-- version. The schemas folder beside the flows stays a source too: SchemaRegistry merges both.
CREATE TABLE registered_schemas (
    subject     VARCHAR(200) NOT NULL,
    version     INTEGER NOT NULL,
    schema_json VARCHAR NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subject, version)
);

-- A subject's compatibility mode as set through the admin API (wins over the folder's subject.json).
CREATE TABLE schema_subjects (
    subject       VARCHAR(200) PRIMARY KEY,
    compatibility VARCHAR(16) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
