package com.kyckeeper.security;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.provisioning.UserDetailsManager;

/**
 * The one authentication provider of both filter chains (form login and HTTP Basic): refuses a
 * locked user name before any password check (so neither the check cache nor Basic can bypass the
 * lock; the lock is read from the database on every check, so it holds on every node of a cluster),
 * counts failures, and on locking forgets every remembered successful check of this node. Failures and
 * locks are written to the access log; the user name only when it is a real user (a name typed by
 * mistake may be a password).
 */
final class LockingAuthenticationProvider implements AuthenticationProvider {

    private final CachingAuthenticationProvider delegate;
    private final LoginLockout lockout;
    private final AccessLog accessLog;
    private final UserDetailsManager users;

    LockingAuthenticationProvider(CachingAuthenticationProvider delegate, LoginLockout lockout, AccessLog accessLog,
                                  UserDetailsManager users) {
        this.delegate = delegate;
        this.lockout = lockout;
        this.accessLog = accessLog;
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        // read from the database every time: a lock set or lifted on another node holds here at once
        LoginLockout.State state = lockout.state(name);
        if (state.locked()) {
            audit("LOGIN_FAILED", name, "locked");
            throw new LockedException("The user is locked after repeated failed sign-ins");
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            if (result != null && result.isAuthenticated() && state.tracked()) {
                lockout.succeeded(name);
            }
            return result;
        } catch (BadCredentialsException e) {
            boolean locked = lockout.failed(name);
            audit("LOGIN_FAILED", name, "bad credentials");
            if (locked) {
                delegate.forgetAll();
                audit("ACCOUNT_LOCKED", name, "repeated failed sign-ins");
                throw new LockedException("The user is locked after repeated failed sign-ins", e);
            }
            throw e;
        } catch (AuthenticationException e) {
            audit("LOGIN_FAILED", name, "refused");
            throw e;
        }
    }

    private void audit(String action, String name, String why) {
        String who = name != null && name.matches("[A-Za-z0-9._-]{1,64}") && users.userExists(name)
                ? "user " + name : "unknown user";
        // the attempted name only as its blind index: auditors can group attempts per name, never read it
        accessLog.appendIndependently(new AccessEvent(action, null, null, Outcome.REFUSED,
                who + ": " + why + "; name key " + lockout.nameKey(name)));
    }

    /** Forgets remembered successful checks (after a user is disabled or their roles change). */
    void forgetRememberedChecks() {
        delegate.forgetAll();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
