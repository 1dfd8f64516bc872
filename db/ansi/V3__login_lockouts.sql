-- Sign-in lockout (security module, policies/login.yml): failed password checks per user name, shared
-- by every node of a cluster, so N nodes do not give N times the attempts and an administrator's
-- unlock holds everywhere. The name is kept only as a keyed HMAC (crypto's blind index, kind
-- "login-name"): failures are counted for any typed name, and a name typed by mistake may be a
-- password. No password, no personal data. One row per name; a failure is one UPDATE of its row.
CREATE TABLE login_lockouts (
    name_key     VARCHAR(64) NOT NULL PRIMARY KEY,
    failures     INTEGER     NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE
);
-- stale rows (window over, not locked) are deleted when a new name starts failing
CREATE INDEX ix_login_lockouts_window ON login_lockouts (window_start);
