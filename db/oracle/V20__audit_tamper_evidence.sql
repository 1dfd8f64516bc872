-- Tamper evidence for the access log (audit module), Oracle version of db/ansi/V20.

ALTER TABLE access_events ADD (event_id VARCHAR2(36), mac VARCHAR2(64));
CREATE UNIQUE INDEX ux_access_events_event_id ON access_events (event_id);

CREATE TABLE access_event_seals (
    chain_pos  NUMBER(19)    NOT NULL PRIMARY KEY,
    seq        NUMBER(19)    NOT NULL,
    hash       VARCHAR2(64)  NOT NULL,
    sealed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_access_event_seals_seq ON access_event_seals (seq);

CREATE TABLE audit_checkpoints (
    chain_pos  NUMBER(19)    NOT NULL PRIMARY KEY,
    seq        NUMBER(19)    NOT NULL,
    chain_hash VARCHAR2(64)  NOT NULL,
    signed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    suite      VARCHAR2(32)  NOT NULL,
    key_id     VARCHAR2(64)  NOT NULL,
    signature  VARCHAR2(400) NOT NULL
);

CREATE TABLE audit_sealer_lock (
    id NUMBER(10) NOT NULL PRIMARY KEY
);
INSERT INTO audit_sealer_lock (id) VALUES (1);
