-- The sealer's query keys (V23) are append-only like the rest of the log (see V22).
CREATE OR REPLACE TRIGGER access_event_keys_append_only
BEFORE UPDATE OR DELETE ON access_event_keys
BEGIN
    RAISE_APPLICATION_ERROR(-20042, 'the audit log is append-only: access_event_keys');
END;
/
