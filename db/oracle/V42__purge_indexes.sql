-- Retention purge: every table it deletes from by customer is reached through an index on customer_id,
-- so a batch's set-based delete never scans the whole table. dd_cases (transaction module) had none.
CREATE INDEX ix_dd_cases_customer ON dd_cases (customer_id);
