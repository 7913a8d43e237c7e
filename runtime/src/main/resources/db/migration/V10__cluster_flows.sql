-- Cluster mode: the flow definitions every runtime of a cluster runs, so a deploy through any
-- runtime's admin API reaches all of them (single-process mode keeps its flows in <data>/flows and
-- leaves this table empty). One row per flow id; revision grows by one with every change (deploy,
-- stop, start, delete) and a change names the revision it started from. A deleted flow keeps its
-- row (state 'deleted', no definition) so its revisions keep growing if the id comes back.
CREATE TABLE cluster_flows (
    id         VARCHAR(200) PRIMARY KEY,
    definition VARCHAR,
    revision   BIGINT NOT NULL,
    state      VARCHAR(16) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(200) NOT NULL
);
