package com.kyckeeper.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The security administrator's user management over the sign-in tables (JdbcUserDetailsManager):
 * list users with roles, enabled and locked-out state; create a user with roles and an initial
 * password that satisfies {@code kyc.login.password}; enable or disable; change roles; lift a
 * lockout. Every method is SECURITY_ADMIN only and audited; an administrator may not disable
 * themselves or change their own roles. Users are never deleted (the access log names them).
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

    ManagedUser create(String username, String initialPassword, Set<String> roles);

    ManagedUser setEnabled(String username, boolean enabled);

    ManagedUser changeRoles(String username, Set<String> roles);

    /** Lifts a lockout after repeated failed sign-ins (and forgets the counted failures). */
    ManagedUser unlock(String username);
}
