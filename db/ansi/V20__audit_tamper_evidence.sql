-- Tamper evidence for the access log (audit module). Shared by H2 and PostgreSQL.
-- access_events rows are written once and never changed. Each row carries a random event id and a
-- keyed MAC over its content (made by the service), so a row inserted directly into the database
-- is recognisable. The hash chain lives in its own append-only table: the sealer gives every
-- committed event a position in the chain and hash = H(previous hash || canonical event). Signed
-- checkpoints fix the chain head now and then. Nothing here is ever updated or deleted.

ALTER TABLE access_events ADD COLUMN event_id VARCHAR(36);
ALTER TABLE access_events ADD COLUMN mac VARCHAR(64);
CREATE UNIQUE INDEX ux_access_events_event_id ON access_events (event_id);

CREATE TABLE access_event_seals (
    chain_pos  BIGINT      NOT NULL PRIMARY KEY,
    seq        BIGINT      NOT NULL,
    hash       VARCHAR(64) NOT NULL,
    sealed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_access_event_seals_seq ON access_event_seals (seq);

CREATE TABLE audit_checkpoints (
    chain_pos  BIGINT       NOT NULL PRIMARY KEY,
    seq        BIGINT       NOT NULL,
    chain_hash VARCHAR(64)  NOT NULL,
    signed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    suite      VARCHAR(32)  NOT NULL,
    key_id     VARCHAR(64)  NOT NULL,
    signature  VARCHAR(400) NOT NULL
);

-- One row, locked (SELECT ... FOR UPDATE) by whichever node seals a batch: one sealer at a time,
-- while appends never wait for it.
CREATE TABLE audit_sealer_lock (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO audit_sealer_lock (id) VALUES (1);
