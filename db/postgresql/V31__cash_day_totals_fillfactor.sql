-- Intake updates every touched day aggregate once per chunk (total, count; rarely reportable). Free
-- space on each page lets PostgreSQL update the row in place (HOT: no new index entries when no
-- indexed column changes). Storage tuning only: H2 and Oracle need no counterpart.
ALTER TABLE cash_day_totals SET (fillfactor = 50);
