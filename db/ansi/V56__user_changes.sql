-- Separation of duties (security module, policies/roles.yml): every account creation and role change is a
-- pending change until a different SECURITY_ADMIN decides it. A pending account is not in app_users, so it
-- cannot sign in; its password hash waits here and is cleared once the change is decided.
CREATE TABLE user_changes (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    kind          VARCHAR(16)  NOT NULL,
    username      VARCHAR(64)  NOT NULL,
    roles         VARCHAR(500) NOT NULL,
    password_hash VARCHAR(255),
    status        VARCHAR(16)  NOT NULL,
    requested_by  VARCHAR(64)  NOT NULL,
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by    VARCHAR(64),
    decided_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_user_changes_status ON user_changes (status, requested_at);
CREATE INDEX ix_user_changes_username ON user_changes (username, status);

-- An account created through an approved change must replace its initial password at first sign-in.
ALTER TABLE app_users ADD must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
