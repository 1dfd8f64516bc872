-- The sealer's query keys (V23) are append-only like the rest of the log (see V22).
CREATE TRIGGER access_event_keys_append_only BEFORE UPDATE OR DELETE ON access_event_keys
    FOR EACH ROW EXECUTE FUNCTION kyc_audit_refuse_change();
CREATE TRIGGER access_event_keys_no_truncate BEFORE TRUNCATE ON access_event_keys
    FOR EACH STATEMENT EXECUTE FUNCTION kyc_audit_refuse_change();
