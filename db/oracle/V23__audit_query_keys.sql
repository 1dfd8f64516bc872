-- Auditors' query keys move off the hot insert table; Oracle version of db/ansi/V23.
CREATE TABLE access_event_keys (
    seq         NUMBER(19)    NOT NULL PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR2(64)  NOT NULL,
    customer_id VARCHAR2(36)
);
INSERT INTO access_event_keys (seq, at, actor, customer_id)
    SELECT e.seq, e.at, e.actor, e.customer_id FROM access_events e JOIN access_event_seals s ON s.seq = e.seq;
CREATE INDEX ix_access_event_keys_customer ON access_event_keys (customer_id, seq);
CREATE INDEX ix_access_event_keys_actor ON access_event_keys (actor, seq);
CREATE INDEX ix_access_event_keys_at ON access_event_keys (at);

DROP INDEX ix_access_events_customer;
DROP INDEX ix_access_events_actor;
DROP INDEX ix_access_events_at;
