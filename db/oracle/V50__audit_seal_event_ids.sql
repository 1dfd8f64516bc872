-- Oracle version of db/h2/V50: the seals' copy of each event id, indexed. Existing seals are filled
-- by db/oracle-triggers/V51 (it must switch the append-only trigger off around the update).
ALTER TABLE access_event_seals ADD (event_id VARCHAR2(36));
CREATE INDEX ix_access_event_seals_event_id ON access_event_seals (event_id, chain_pos);
