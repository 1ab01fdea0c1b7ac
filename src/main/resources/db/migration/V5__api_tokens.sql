-- API tokens of the vendor's services (PRODUCT §11): only a SHA-256 hash of each token is kept.
-- Credential uses: how often each connection's role was used through the broker, per purpose.
-- Temporary credentials never reach any table.

CREATE TABLE api_tokens (
    id           uuid PRIMARY KEY,
    name         varchar(100) NOT NULL,
    token_hash   char(64)     NOT NULL UNIQUE,
    scopes       varchar(64)  NOT NULL CHECK (scopes ~ '^(read|credentials|manage)(,(read|credentials|manage))*$'),
    created_by   uuid REFERENCES users (id),
    created_at   timestamptz  NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   uuid REFERENCES users (id)
);
CREATE INDEX api_tokens_created_idx ON api_tokens (created_at DESC);

CREATE TABLE credential_uses (
    connection_id uuid        NOT NULL REFERENCES connections (id),
    purpose       varchar(32) NOT NULL,
    count         bigint      NOT NULL,
    last_used_at  timestamptz NOT NULL,
    PRIMARY KEY (connection_id, purpose)
);
