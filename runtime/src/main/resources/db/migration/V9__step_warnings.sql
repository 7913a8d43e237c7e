-- What a node noticed but let pass at a step (a data contract with enforcement warn: the violations,
-- each a JSON pointer and what was expected), as `switchboard runs show` and the admin API show it.
-- Null when there was nothing to warn about, and for every step written before.
ALTER TABLE run_steps ADD COLUMN warning VARCHAR(4000);
