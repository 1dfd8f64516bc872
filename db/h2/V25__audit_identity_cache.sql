-- H2 only (audit module): the access log's identity hands out seq values from a larger cache.
-- H2 persists a sequence's value every CACHE values (default 32) with a write of its own, which
-- the audited request that happens to draw that value pays for. Values are still handed out in
-- order (H2 caches per sequence, not per session); a crash may skip up to 1,000 values, like a
-- rollback skips one. PostgreSQL keeps CACHE 1: its cache is per session and would hand
-- concurrent sessions far-apart values, i.e. late commits beyond the sealer's window.
ALTER TABLE access_events ALTER COLUMN seq SET CACHE 1000;
