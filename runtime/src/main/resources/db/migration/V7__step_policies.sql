-- The central policies' decisions at a step (masked fields, an allowed or blocked send), one per
-- line, as `switchboard runs show` and the admin API show them. Null when no policy applied.
ALTER TABLE run_steps ADD COLUMN policies VARCHAR;
