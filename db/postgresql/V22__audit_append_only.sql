-- The access log is append-only in the database too: no UPDATE, DELETE or TRUNCATE of events,
-- seals or checkpoints, whoever asks (the service never does; the sealer only inserts seals).
-- Removing rows after the audit retention period is a DBA act that must disable these triggers,
-- which a superuser can do: that is why the log is also hash-chained and signed.
CREATE FUNCTION kyc_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER access_events_append_only BEFORE UPDATE OR DELETE ON access_events
    FOR EACH ROW EXECUTE FUNCTION kyc_audit_refuse_change();
CREATE TRIGGER access_events_no_truncate BEFORE TRUNCATE ON access_events
    FOR EACH STATEMENT EXECUTE FUNCTION kyc_audit_refuse_change();
CREATE TRIGGER access_event_seals_append_only BEFORE UPDATE OR DELETE ON access_event_seals
    FOR EACH ROW EXECUTE FUNCTION kyc_audit_refuse_change();
CREATE TRIGGER access_event_seals_no_truncate BEFORE TRUNCATE ON access_event_seals
    FOR EACH STATEMENT EXECUTE FUNCTION kyc_audit_refuse_change();
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
    FOR EACH ROW EXECUTE FUNCTION kyc_audit_refuse_change();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION kyc_audit_refuse_change();
