-- Anonymous refusals (no or wrong credentials, audit.RefusedRequests): a count per client address and
-- minute instead of one permanent access_events row each, so a scan cannot grow the ten-year log.
-- Short-lived: rows older than kyc.audit.refusals.keep-days (policies/audit.yml) are deleted when a
-- new minute starts. Holds the address and the first route template of the minute, never a raw path.
-- epoch_minute: minutes since 1970-01-01T00:00Z (a number, so every vendor keys and compares it alike).
CREATE TABLE refused_requests (
    source       VARCHAR(45) NOT NULL,
    epoch_minute BIGINT NOT NULL,
    refusals     INTEGER     NOT NULL,
    first_action VARCHAR(64) NOT NULL,
    PRIMARY KEY (source, epoch_minute)
);
CREATE INDEX ix_refused_requests_minute ON refused_requests (epoch_minute);
