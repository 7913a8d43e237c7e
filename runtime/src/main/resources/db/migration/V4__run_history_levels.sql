-- The history level a run was written at (full, errors, summary): whether its steps kept input and
-- output snapshots follows from it and the run's status. Null for runs written before: full.
ALTER TABLE runs ADD COLUMN history VARCHAR(10);
