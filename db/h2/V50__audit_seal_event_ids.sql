-- Verification looks for repeated event ids (a copied row). The hot insert into access_events keeps
-- only its primary key; the id goes into the seal row the sealer writes in batches, indexed there.
-- Verification checks each seal's id against its event's, so changing it here hides nothing.
ALTER TABLE access_event_seals ADD COLUMN event_id VARCHAR(36);
UPDATE access_event_seals s SET event_id = (SELECT e.event_id FROM access_events e WHERE e.seq = s.seq);
CREATE INDEX ix_access_event_seals_event_id ON access_event_seals (event_id, chain_pos);
