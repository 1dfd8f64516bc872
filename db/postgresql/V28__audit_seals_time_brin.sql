-- Seals are appended in time order, so a BRIN index answers the auditors' time ranges at a fraction
-- of a B-tree's cost per sealed event (PostgreSQL only; H2 and Oracle keep the B-tree of V26).
DROP INDEX ix_access_event_seals_at;
CREATE INDEX ix_access_event_seals_at ON access_event_seals USING brin (at);
