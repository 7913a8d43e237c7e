-- Online models: the logistic regressions learn steps update and score steps read, by name.
-- version increases with every save; a save names the version it started from, so two runtimes
-- (or two threads) learning at once never lose each other's step: the later one reloads and redoes.
CREATE TABLE online_models (
    name       VARCHAR(200) PRIMARY KEY,
    bias       DOUBLE PRECISION NOT NULL,
    examples   BIGINT NOT NULL,
    version    BIGINT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE online_model_weights (
    model   VARCHAR(200) NOT NULL REFERENCES online_models (name) ON DELETE CASCADE,
    feature VARCHAR(200) NOT NULL,
    weight  DOUBLE PRECISION NOT NULL,
    scale   DOUBLE PRECISION NOT NULL, -- the largest magnitude of the feature seen so far
    PRIMARY KEY (model, feature)
);
