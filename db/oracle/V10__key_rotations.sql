-- Key rotations (crypto module): one row per rotation, its progress committed with each batch so a
-- restarted service resumes it. Ids of owners only; no key material.
CREATE TABLE key_rotations (
    id             VARCHAR2(36) NOT NULL PRIMARY KEY,
    kind           VARCHAR2(16) NOT NULL,
    state          VARCHAR2(16) NOT NULL,
    processed      NUMBER(19)   NOT NULL,
    failures       NUMBER(19)   NOT NULL,
    cursor_owner   VARCHAR2(64),
    target_version NUMBER(10),
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_by     VARCHAR2(64) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE,
    error          VARCHAR2(200)
);
CREATE INDEX ix_key_rotations_state ON key_rotations (state);
CREATE INDEX ix_data_keys_kek ON data_keys (kek_id);
