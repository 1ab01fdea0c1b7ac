-- The staff console searches and sorts every connection; the scheduler claims work through leases.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX connections_status_idx ON connections (status);
CREATE INDEX connections_last_checked_idx ON connections (last_checked_at DESC NULLS LAST, id);
CREATE INDEX connections_failing_since_idx ON connections (failing_since NULLS LAST, id);
CREATE INDEX connections_created_idx ON connections (created_at DESC, id);
CREATE INDEX connections_label_trgm ON connections USING gin (label gin_trgm_ops);
CREATE INDEX connections_role_arn_trgm ON connections USING gin (role_arn gin_trgm_ops);
CREATE INDEX connections_account_idx ON connections (account_id);
CREATE INDEX organisations_name_trgm ON organisations USING gin (name gin_trgm_ops);
CREATE INDEX external_ids_value_trgm ON external_ids USING gin (value gin_trgm_ops);
CREATE INDEX external_ids_connection_idx ON external_ids (connection_id);

-- Scheduled re-checks: when a connection is due, and which instance holds it until when.
ALTER TABLE connections ADD COLUMN next_check_at timestamptz;
ALTER TABLE connections ADD COLUMN claimed_by varchar(64);
ALTER TABLE connections ADD COLUMN claimed_until timestamptz;
CREATE INDEX connections_due_idx ON connections (next_check_at) WHERE status IN ('ACTIVE', 'FAILING');

CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, occurred_at DESC);
CREATE INDEX audit_events_action_idx ON audit_events (action, occurred_at DESC);
