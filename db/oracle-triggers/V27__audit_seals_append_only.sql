-- V26 rebuilt access_event_seals (query keys merged in); its trigger (V22) went with the old table.
CREATE OR REPLACE TRIGGER access_event_seals_append_only
BEFORE UPDATE OR DELETE ON access_event_seals
BEGIN
    RAISE_APPLICATION_ERROR(-20042, 'the audit log is append-only: access_event_seals');
END;
/
