-- Key rotations (crypto module): one row per rotation, its progress committed with each batch so a
-- restarted service resumes it. Ids of owners only; no key material.
CREATE TABLE key_rotations (
    id             VARCHAR(36) NOT NULL PRIMARY KEY,
    kind           VARCHAR(16) NOT NULL,
    state          VARCHAR(16) NOT NULL,
    processed      BIGINT      NOT NULL,
    failures       BIGINT      NOT NULL,
    cursor_owner   VARCHAR(64),
    target_version INTEGER,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_by     VARCHAR(64) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE,
    error          VARCHAR(200)
);
CREATE INDEX ix_key_rotations_state ON key_rotations (state);
-- KEK rotation finds the data keys still wrapped under an older master key.
CREATE INDEX ix_data_keys_kek ON data_keys (kek_id);
