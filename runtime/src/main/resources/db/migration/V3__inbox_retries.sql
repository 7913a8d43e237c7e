-- Retries wait in the inbox: a row addressed to the node that failed, due at a time, as its n-th try.
-- (V2 is left to the migration that changes the event column's size.)
ALTER TABLE inbox ADD COLUMN attempt INT DEFAULT 1 NOT NULL;       -- which try of node_id this row makes
ALTER TABLE inbox ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;       -- not before this time; null: at once
ALTER TABLE inbox ADD COLUMN parent_run_id VARCHAR(64);             -- the run whose failure scheduled this retry
