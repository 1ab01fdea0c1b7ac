-- Idempotency-Key of the API's POSTs (docs/api.md): the first successful response of a key, replayed for 24 hours.
-- Per token; the key itself is never stored, only a SHA-256 hash of it, and the response is encrypted (AES-GCM)
-- with another key derived from it, so the invite links and temporary credentials it may hold are not readable here.
-- A row without a status is a request still running.

CREATE TABLE idempotency_keys (
    token_id     uuid        NOT NULL REFERENCES api_tokens (id) ON DELETE CASCADE,
    key_hash     char(64)    NOT NULL,
    request_hash char(64)    NOT NULL,
    status       integer,
    response     bytea,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    PRIMARY KEY (token_id, key_hash)
);
CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);
