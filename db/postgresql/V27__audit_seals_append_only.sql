-- V26 rebuilt access_event_seals (query keys merged in); its append-only triggers (V22) went with
-- the old table and come back here. The V24 triggers went with access_event_keys.
CREATE TRIGGER access_event_seals_append_only BEFORE UPDATE OR DELETE ON access_event_seals
    FOR EACH ROW EXECUTE FUNCTION kyc_audit_refuse_change();
CREATE TRIGGER access_event_seals_no_truncate BEFORE TRUNCATE ON access_event_seals
    FOR EACH STATEMENT EXECUTE FUNCTION kyc_audit_refuse_change();
