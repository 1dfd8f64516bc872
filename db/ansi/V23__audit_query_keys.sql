-- Auditors' query keys move off the hot insert table (audit module, shared by H2 and PostgreSQL).
-- Every audited operation inserts one access_events row in its own transaction: that table keeps
-- only what the insert itself needs (primary key seq, unique event_id against copied rows). The
-- query keys (customer, actor, time) are copied by the sealer, in the same transaction and batch
-- as the seals, into access_event_keys, which carries the query indexes. The keys are a derived
-- lookup, not evidence: every query still filters on the access_events columns themselves, and
-- events not yet sealed are found by a short range scan above the sealed head.
CREATE TABLE access_event_keys (
    seq         BIGINT       NOT NULL PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    customer_id VARCHAR(36)
);
INSERT INTO access_event_keys (seq, at, actor, customer_id)
    SELECT e.seq, e.at, e.actor, e.customer_id FROM access_events e JOIN access_event_seals s ON s.seq = e.seq;
CREATE INDEX ix_access_event_keys_customer ON access_event_keys (customer_id, seq);
CREATE INDEX ix_access_event_keys_actor ON access_event_keys (actor, seq);
CREATE INDEX ix_access_event_keys_at ON access_event_keys (at);

DROP INDEX ix_access_events_customer;
DROP INDEX ix_access_events_actor;
DROP INDEX ix_access_events_at;
