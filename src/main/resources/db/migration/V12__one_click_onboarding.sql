-- One-click onboarding (PRODUCT §12): the published CloudFormation template of each connection, the salt of each
-- external ID's registration token, and the custom resource requests answered, once each.

-- 160 random bits per external ID; the token is an HMAC of it under a key derived from rolegate.secret
-- (connection/RegistrationTokens), so the database holds no token. IDs issued before get a salt of their own.
ALTER TABLE external_ids ADD COLUMN registration_salt varchar(64);
UPDATE external_ids SET registration_salt = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
ALTER TABLE external_ids ALTER COLUMN registration_salt SET NOT NULL;

-- Where each connection's template is published, what was published last, and a failed upload's retries.
CREATE TABLE published_templates (
    connection_id   uuid PRIMARY KEY REFERENCES connections (id),
    object_key      varchar(1024) NOT NULL UNIQUE,
    published_sha256 char(64),
    published_at    timestamptz,
    failed_sha256   char(64),
    failed_attempts int           NOT NULL DEFAULT 0,
    last_error      varchar(1000),
    next_attempt_at timestamptz
);
CREATE INDEX published_templates_retry_idx ON published_templates (next_attempt_at) WHERE next_attempt_at IS NOT NULL;

-- One row per CloudFormation RequestId, written with the request's effects in one transaction: a duplicate delivery
-- finds the row and starts nothing; the answer is kept so that one not yet sent to the ResponseURL is sent again.
CREATE TABLE registration_requests (
    request_id      varchar(256)  PRIMARY KEY,
    connection_id   uuid REFERENCES connections (id),
    request_type    varchar(16)   NOT NULL,
    stack_id        varchar(2048) NOT NULL,
    received_at     timestamptz   NOT NULL,
    response_status varchar(8)    NOT NULL CHECK (response_status IN ('SUCCESS', 'FAILED')),
    response_reason varchar(1000),
    physical_resource_id varchar(1024) NOT NULL,
    answered_at     timestamptz
);
CREATE INDEX registration_requests_connection_idx ON registration_requests (connection_id, received_at DESC);

-- Checks started by a stack's registration.
ALTER TABLE checks DROP CONSTRAINT checks_trigger_check;
ALTER TABLE checks ADD CONSTRAINT checks_trigger_check CHECK (trigger IN ('USER', 'SCHEDULE', 'API', 'STACK'));
