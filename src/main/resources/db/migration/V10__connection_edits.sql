-- Editing a connection (PRODUCT §13): when its buckets or KMS keys last changed, so the setup page asks for the
-- role to be updated and checked until a check has run since.
ALTER TABLE connections ADD COLUMN resources_changed_at timestamptz;

-- An edit's audit event names the resources before and after; twenty buckets with long prefixes and twenty key
-- ARNs exceed 2,000 characters. From varchar to text PostgreSQL rewrites no row, so no append-only trigger fires.
ALTER TABLE audit_events ALTER COLUMN detail TYPE text;
