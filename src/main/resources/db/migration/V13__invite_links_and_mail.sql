-- Invite links an administrator can show again without the database holding them (docs/invites.md), the
-- language each person reads e-mail in, and the outgoing e-mail with its quiet periods (docs/notifications.md).

-- The token is HMAC(invite key, id and nonce): the database keeps the nonce and the token's hash, never the token.
-- Invites issued before this column have no nonce: their link cannot be shown again, only re-sent.
ALTER TABLE invites ADD COLUMN token_nonce varchar(64);
ALTER TABLE invites ADD COLUMN language varchar(2) NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ja'));
ALTER TABLE invites ADD COLUMN cancelled_at timestamptz;
ALTER TABLE invites ADD COLUMN cancelled_by uuid REFERENCES users (id);

ALTER TABLE users ADD COLUMN language varchar(2) NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ja'));

-- One row per message to send. It names what to say (kind, connection or invite, reason), never the text: an
-- invite's link is derived again when the message is sent, so no token is stored. Sent rows are deleted; a row
-- that failed too often stays with given_up_at set. A rejected registration may name a connection that does not
-- exist, so connection_id has no foreign key here or in notification_quiet.
CREATE TABLE mail_outbox (
    id                uuid PRIMARY KEY,
    kind              varchar(32)  NOT NULL,
    audience          varchar(16)  NOT NULL CHECK (audience IN ('invitee', 'customer', 'staff')),
    recipient         varchar(254) NOT NULL,
    language          varchar(2)   NOT NULL CHECK (language IN ('en', 'ja')),
    connection_id     uuid,
    invite_id         uuid REFERENCES invites (id),
    invite_token_hash char(64),
    reason            varchar(2000),
    created_at        timestamptz  NOT NULL,
    attempts          integer      NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz  NOT NULL,
    claimed_until     timestamptz,
    given_up_at       timestamptz
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE given_up_at IS NULL;

-- The last time each kind of notice went out for a connection: one notice per connection and kind per quiet
-- period, decided by one statement so that instances sharing the database agree.
CREATE TABLE notification_quiet (
    connection_id uuid        NOT NULL,
    kind          varchar(32) NOT NULL,
    noticed_at    timestamptz NOT NULL,
    PRIMARY KEY (connection_id, kind)
);
