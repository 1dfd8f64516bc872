-- Oracle version of db/ansi/V56. Separation of duties (security module, policies/roles.yml): every account
-- creation and role change is a pending change until a different SECURITY_ADMIN decides it. A pending account
-- is not in app_users, so it cannot sign in; its password hash waits here and is cleared once decided.
CREATE TABLE user_changes (
    id            VARCHAR2(36)  NOT NULL PRIMARY KEY,
    kind          VARCHAR2(16)  NOT NULL,
    username      VARCHAR2(64)  NOT NULL,
    roles         VARCHAR2(500) NOT NULL,
    password_hash VARCHAR2(255),
    status        VARCHAR2(16)  NOT NULL,
    requested_by  VARCHAR2(64)  NOT NULL,
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by    VARCHAR2(64),
    decided_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_user_changes_status ON user_changes (status, requested_at);
CREATE INDEX ix_user_changes_username ON user_changes (username, status);

-- An account created through an approved change must replace its initial password at first sign-in.
ALTER TABLE app_users ADD must_change_password NUMBER(1) DEFAULT 0 NOT NULL;
