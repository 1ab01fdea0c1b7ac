-- Connections: one customer AWS account, one IAM role and the resources it grants,
-- with the external IDs ever issued for it and every role ARN ever submitted.

CREATE TABLE connections (
    id                 uuid PRIMARY KEY,
    organisation_id    uuid          NOT NULL REFERENCES organisations (id),
    label              varchar(100)  NOT NULL,
    account_id         char(12)      NOT NULL CHECK (account_id ~ '^[0-9]{12}$'),
    partition          varchar(16)   NOT NULL CHECK (partition IN ('aws', 'aws-cn', 'aws-us-gov')),
    region             varchar(32)   NOT NULL,
    role_arn           varchar(2048),
    role_submitted_at  timestamptz,
    status             varchar(16)   NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'FAILING', 'REVOKED')),
    status_changed_at  timestamptz   NOT NULL,
    failing_since      timestamptz,
    last_check_id      uuid,
    last_check_outcome varchar(16),
    last_checked_at    timestamptz,
    revoked_at         timestamptz,
    revoked_by         uuid REFERENCES users (id),
    revoke_reason      varchar(500),
    created_by         uuid REFERENCES users (id),
    created_at         timestamptz   NOT NULL,
    version            bigint        NOT NULL DEFAULT 0
);
CREATE INDEX connections_organisation_idx ON connections (organisation_id, created_at DESC);

CREATE TABLE connection_buckets (
    connection_id uuid          NOT NULL REFERENCES connections (id),
    position      int           NOT NULL,
    bucket        varchar(63)   NOT NULL,
    prefix        varchar(1024),
    PRIMARY KEY (connection_id, position)
);

CREATE TABLE connection_kms_keys (
    connection_id uuid          NOT NULL REFERENCES connections (id),
    position      int           NOT NULL,
    key_arn       varchar(2048) NOT NULL,
    PRIMARY KEY (connection_id, position)
);

-- Every external ID ever issued, never deleted, so that none can be issued twice.
CREATE TABLE external_ids (
    id            uuid PRIMARY KEY,
    connection_id uuid          NOT NULL REFERENCES connections (id),
    value         varchar(1224) NOT NULL UNIQUE,
    state         varchar(16)   NOT NULL CHECK (state IN ('CURRENT', 'PREVIOUS', 'RETIRED')),
    issued_at     timestamptz   NOT NULL,
    retired_at    timestamptz
);
CREATE UNIQUE INDEX external_ids_one_current ON external_ids (connection_id) WHERE state = 'CURRENT';
CREATE UNIQUE INDEX external_ids_one_previous ON external_ids (connection_id) WHERE state = 'PREVIOUS';

CREATE TABLE role_submissions (
    id            bigserial PRIMARY KEY,
    connection_id uuid          NOT NULL REFERENCES connections (id),
    role_arn      varchar(2048) NOT NULL,
    submitted_at  timestamptz   NOT NULL,
    submitted_by  uuid REFERENCES users (id)
);
CREATE INDEX role_submissions_connection_idx ON role_submissions (connection_id, submitted_at DESC);
