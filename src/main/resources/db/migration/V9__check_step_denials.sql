-- What AWS said about a denied step, so its fix names the cause and the resource AWS's answer allows:
-- the kind of policy that refused it (the IAM "Access denied error messages" format) and the KMS key of an
-- object S3 could not decrypt, which the customer must see to fix it.
ALTER TABLE check_steps
    ADD COLUMN denied_by   varchar(32),
    ADD COLUMN kms_key_arn varchar(2048);

-- A step that was skipped never ran: it has no duration (it used to be recorded as 0 ms).
UPDATE check_steps SET duration_ms = NULL WHERE status = 'SKIP';
