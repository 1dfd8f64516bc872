-- The access log is append-only in the database too (see db/postgresql/V22). Oracle triggers;
-- in production also grant the application user only INSERT and SELECT on these tables.
CREATE OR REPLACE TRIGGER access_events_append_only
BEFORE UPDATE OR DELETE ON access_events
BEGIN
    RAISE_APPLICATION_ERROR(-20042, 'the audit log is append-only: access_events');
END;
/

CREATE OR REPLACE TRIGGER access_event_seals_append_only
BEFORE UPDATE OR DELETE ON access_event_seals
BEGIN
    RAISE_APPLICATION_ERROR(-20042, 'the audit log is append-only: access_event_seals');
END;
/

CREATE OR REPLACE TRIGGER audit_checkpoints_append_only
BEFORE UPDATE OR DELETE ON audit_checkpoints
BEGIN
    RAISE_APPLICATION_ERROR(-20042, 'the audit log is append-only: audit_checkpoints');
END;
/
