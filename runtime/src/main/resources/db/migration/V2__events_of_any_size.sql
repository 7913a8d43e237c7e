-- Events as large as a trigger accepts them (a webhook takes up to 50 MB): the inbox and the dead
-- letters keep the whole event, never a refused or cut one. VARCHAR without a length stays inline
-- (no LOB) and means the largest length on both H2 (1,000,000,000 characters) and PostgreSQL
-- (unlimited, like TEXT); SET DATA TYPE keeps NOT NULL on both.
ALTER TABLE inbox ALTER COLUMN event SET DATA TYPE VARCHAR;
ALTER TABLE dead_letters ALTER COLUMN event SET DATA TYPE VARCHAR;
