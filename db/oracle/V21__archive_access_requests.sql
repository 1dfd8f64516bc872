-- Archive lending (借阅), customer module: a request to read a closed customer, decided by another
-- user in COMPLIANCE; an approval is a grant for the requester only, valid until valid_until.
-- No foreign key to customers: a retention purge removes the customer, the request row stays
-- as ids only (no personal data) and no longer grants anything.
CREATE TABLE archive_access_requests (
    id           VARCHAR2(36)  NOT NULL PRIMARY KEY,
    customer_id  VARCHAR2(36)  NOT NULL,
    requested_by VARCHAR2(64)  NOT NULL,
    purpose      VARCHAR2(200) NOT NULL,
    status       VARCHAR2(16)  NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by   VARCHAR2(64),
    decided_at   TIMESTAMP WITH TIME ZONE,
    valid_until  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_archive_access_grant ON archive_access_requests (customer_id, requested_by, status);
CREATE INDEX ix_archive_access_status ON archive_access_requests (status, requested_at);
