-- Live checks (PRODUCT §5): one row per run, one row per step, kept as history.
-- Temporary credentials never reach these tables: steps keep codes, request IDs and sanitised details.

CREATE TABLE checks (
    id              uuid PRIMARY KEY,
    connection_id   uuid          NOT NULL REFERENCES connections (id),
    started_at      timestamptz   NOT NULL,
    finished_at     timestamptz,
    outcome         varchar(16)   NOT NULL CHECK (outcome IN ('RUNNING', 'PASSED', 'FAILED', 'INSECURE', 'INCONCLUSIVE')),
    trigger         varchar(16)   NOT NULL CHECK (trigger IN ('USER', 'SCHEDULE', 'API')),
    triggered_by    uuid REFERENCES users (id),
    triggered_by_label varchar(254) NOT NULL,
    role_arn        varchar(2048),
    external_id_id  uuid REFERENCES external_ids (id),
    session_name    varchar(64)   NOT NULL,
    CHECK ((outcome = 'RUNNING') = (finished_at IS NULL))
);
CREATE INDEX checks_history_idx ON checks (connection_id, started_at DESC);
CREATE INDEX checks_user_rate_idx ON checks (triggered_by, started_at DESC);
-- Two people pressing "check" at once join one run instead of racing two.
CREATE UNIQUE INDEX checks_one_running ON checks (connection_id) WHERE outcome = 'RUNNING';

CREATE TABLE check_steps (
    id              bigserial PRIMARY KEY,
    check_id        uuid          NOT NULL REFERENCES checks (id),
    position        int           NOT NULL,
    name            varchar(32)   NOT NULL,
    resource        varchar(1100),
    status          varchar(8)    NOT NULL CHECK (status IN ('PASS', 'FAIL', 'WARN', 'SKIP', 'RUNNING')),
    code            varchar(48),
    message_key     varchar(64)   NOT NULL,
    note            varchar(1100),
    aws_error_code  varchar(128),
    request_id      varchar(128),
    duration_ms     bigint,
    detail          varchar(2000),
    started_at      timestamptz   NOT NULL,
    finished_at     timestamptz,
    UNIQUE (check_id, position)
);
