-- Fills the seals' event ids added by db/oracle/V50 for seals written before it (trigger off meanwhile).
ALTER TRIGGER access_event_seals_append_only DISABLE;
UPDATE access_event_seals s SET event_id = (SELECT e.event_id FROM access_events e WHERE e.seq = s.seq);
ALTER TRIGGER access_event_seals_append_only ENABLE;
