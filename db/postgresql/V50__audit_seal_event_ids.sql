-- PostgreSQL version of db/h2/V50: the seals' copy of each event id, indexed (the append-only
-- trigger is off for the backfill only, inside this migration's transaction).
ALTER TABLE access_event_seals ADD COLUMN event_id VARCHAR(36);
ALTER TABLE access_event_seals DISABLE TRIGGER access_event_seals_append_only;
UPDATE access_event_seals s SET event_id = e.event_id FROM access_events e WHERE e.seq = s.seq;
ALTER TABLE access_event_seals ENABLE TRIGGER access_event_seals_append_only;
CREATE INDEX ix_access_event_seals_event_id ON access_event_seals (event_id, chain_pos);
