-- A run whose steps keep no input/output snapshots (history level errors for a run that went well,
-- summary) keeps its path here, as one JSON array of {node, port, at, error}, rather than as one
-- run_steps row per node: one row written per run. Null when the steps are in run_steps.
ALTER TABLE runs ADD COLUMN steps VARCHAR;
