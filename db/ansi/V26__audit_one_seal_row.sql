-- One sealer row per event: chain position, hash and the auditors' query keys (V23) in one table,
-- so sealing writes one row per event instead of two. The hot insert keeps only its primary key:
-- the unique index on event_id goes; verification finds a copied event instead (docs/audit.md).
CREATE TABLE access_event_seals_v26 (
    chain_pos   BIGINT      NOT NULL PRIMARY KEY,
    seq         BIGINT      NOT NULL,
    hash        VARCHAR(64) NOT NULL,
    sealed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    at          TIMESTAMP WITH TIME ZONE,
    actor       VARCHAR(64),
    customer_id VARCHAR(36)
);
-- Left join: a seal whose event was already gone before V23 has no keys; it stays a seal.
INSERT INTO access_event_seals_v26 (chain_pos, seq, hash, sealed_at, at, actor, customer_id)
    SELECT s.chain_pos, s.seq, s.hash, s.sealed_at, k.at, k.actor, k.customer_id
    FROM access_event_seals s LEFT JOIN access_event_keys k ON k.seq = s.seq;
DROP TABLE access_event_keys;
DROP TABLE access_event_seals;
ALTER TABLE access_event_seals_v26 RENAME TO access_event_seals;
CREATE UNIQUE INDEX ux_access_event_seals_seq ON access_event_seals (seq);
CREATE INDEX ix_access_event_seals_customer ON access_event_seals (customer_id, seq);
CREATE INDEX ix_access_event_seals_actor ON access_event_seals (actor, seq);
CREATE INDEX ix_access_event_seals_at ON access_event_seals (at);

DROP INDEX ux_access_events_event_id;
