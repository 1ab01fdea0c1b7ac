-- Customer tenants, the people who sign in, the invitations that bring them in,
-- failed sign-ins for throttling, and the append-only audit trail.

CREATE TABLE organisations (
    id          uuid PRIMARY KEY,
    name        varchar(100) NOT NULL,
    created_at  timestamptz  NOT NULL
);
CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name));

CREATE TABLE users (
    id              uuid PRIMARY KEY,
    email           varchar(254) NOT NULL,
    display_name    varchar(100) NOT NULL,
    password_hash   varchar(100) NOT NULL,
    role            varchar(16)  NOT NULL CHECK (role IN ('customer', 'support', 'admin')),
    organisation_id uuid REFERENCES organisations (id),
    active          boolean      NOT NULL DEFAULT true,
    created_at      timestamptz  NOT NULL,
    CHECK ((role = 'customer') = (organisation_id IS NOT NULL))
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_organisation_idx ON users (organisation_id);

CREATE TABLE invites (
    id              uuid PRIMARY KEY,
    token_hash      char(64)     NOT NULL UNIQUE,
    email           varchar(254) NOT NULL,
    role            varchar(16)  NOT NULL CHECK (role IN ('customer', 'support', 'admin')),
    organisation_id uuid REFERENCES organisations (id),
    created_by      uuid REFERENCES users (id),
    created_at      timestamptz  NOT NULL,
    expires_at      timestamptz  NOT NULL,
    used_at         timestamptz,
    used_by         uuid REFERENCES users (id),
    CHECK ((role = 'customer') = (organisation_id IS NOT NULL))
);
CREATE INDEX invites_organisation_idx ON invites (organisation_id);

CREATE TABLE login_failures (
    id        bigserial PRIMARY KEY,
    email     varchar(254) NOT NULL,
    failed_at timestamptz  NOT NULL
);
CREATE INDEX login_failures_email_idx ON login_failures (email, failed_at);

CREATE TABLE audit_events (
    id              bigserial PRIMARY KEY,
    occurred_at     timestamptz  NOT NULL,
    actor_id        uuid,
    actor           varchar(254) NOT NULL,
    action          varchar(64)  NOT NULL,
    organisation_id uuid,
    connection_id   uuid,
    subject         varchar(254),
    detail          varchar(2000)
);
CREATE INDEX audit_events_occurred_idx ON audit_events (occurred_at DESC);
CREATE INDEX audit_events_organisation_idx ON audit_events (organisation_id, occurred_at DESC);
CREATE INDEX audit_events_connection_idx ON audit_events (connection_id, occurred_at DESC);

-- The audit trail is append-only: the database itself refuses to change or remove an event.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
