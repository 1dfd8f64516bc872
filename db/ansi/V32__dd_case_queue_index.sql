-- Due-diligence queue paged in the database (transaction module): cases of a status, oldest opened
-- first, ties by id, read with OFFSET/FETCH. With (status, opened_at, id) the database walks the index in
-- the queue's order and stops after the page (no sort of every case of the status); it supersedes
-- (status, opened_at). The customer filter uses ix_dd_cases_customer (V42).
CREATE INDEX ix_dd_cases_queue ON dd_cases (status, opened_at, id);
DROP INDEX ix_dd_cases_status;
