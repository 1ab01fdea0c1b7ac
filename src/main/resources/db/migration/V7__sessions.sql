-- Signed-in sessions (PRODUCT §1). The cookie carries a random session id; this table keeps only the SHA-256 hash
-- of it, so a copy of the database opens no session. Deleting a row ends the session for every copy of its cookie
-- and on every instance at once: at sign-out, when the account is deactivated or its password changes.
CREATE TABLE sessions (
    token_hash   bytea       PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
