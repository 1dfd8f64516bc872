package com.kyckeeper.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The security administrator's user management over the sign-in tables (JdbcUserDetailsManager):
 * list users with roles, enabled and locked-out state; request an account or a role change (policies/roles.yml
 * forbids some combinations), which takes effect only when a different security administrator approves it;
 * enable or disable; lift a lockout. Every method is SECURITY_ADMIN only and audited; an administrator may not
 * disable themselves, change their own roles, or decide their own request or a change to their own account.
 * Users are never deleted (the access log names them).
 */
public interface UserAdministration {

    /** A sign-in account: never the password hash. {@code lockedUntil} is set while repeated failures lock it. */
    record ManagedUser(String username, List<String> roles, boolean enabled, Instant lockedUntil) {

        public boolean locked() {
            return lockedUntil != null;
        }
    }

    /** Every user, by name (at most 1000). */
    List<ManagedUser> users();

    ManagedUser user(String username);

    /** Requests a new account; it cannot sign in before approval and must change its password at first sign-in. */
    UserChange create(String username, String initialPassword, Set<String> roles);

    ManagedUser setEnabled(String username, boolean enabled);

    /** Requests a role change; the user keeps the old roles until it is approved. */
    UserChange changeRoles(String username, Set<String> roles);

    /** Lifts a lockout after repeated failed sign-ins (and forgets the counted failures). */
    ManagedUser unlock(String username);

    /** Changes in the given state, oldest first (at most 200). */
    List<UserChange> changes(UserChange.Status status);

    /** Approves or rejects a pending change: never by its requester, never by the account it changes. */
    UserChange decide(String changeId, Boolean approve);
}
