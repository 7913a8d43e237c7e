-- Cluster mode: which runtime runs each pull trigger (schedule, sql.poll, mail, file.watch), so it
-- fires once per cluster. A lease is taken or renewed only when free, expired or already ours;
-- expires_at is the database's clock, so the runtimes' clocks need not agree.
CREATE TABLE cluster_leases (
    name       VARCHAR(400) PRIMARY KEY,
    owner      VARCHAR(200) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
