package com.kyckeeper.security;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.shared.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class UserAdministrationService implements UserAdministration {

    private static final int MAX_USERS = 1000;
    private final JdbcClient jdbc;
    private final AccountChanges changes;
    private final LoginLockout lockout;
    private final LockingAuthenticationProvider provider;
    private final AccessLog accessLog;
    private final AccountStates states;

    UserAdministrationService(JdbcClient jdbc, AccountChanges changes, LoginLockout lockout,
                              LockingAuthenticationProvider provider, AccessLog accessLog, AccountStates states) {
        this.states = states;
        this.jdbc = jdbc;
        this.changes = changes;
        this.lockout = lockout;
        this.provider = provider;
        this.accessLog = accessLog;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public List<ManagedUser> users() {
        Map<String, Boolean> enabled = new LinkedHashMap<>();
        jdbc.sql("select username, enabled from app_users order by username fetch first " + MAX_USERS + " rows only")
                .query((rs, n) -> enabled.put(rs.getString(1), rs.getBoolean(2))).list();
        Map<String, List<String>> roles = new LinkedHashMap<>();
        jdbc.sql("select username, authority from app_user_roles order by username, authority")
                .query((rs, n) -> roles.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(role(rs.getString(2))))
                .list();
        Map<String, Instant> locked = lockout.lockedUntil(enabled.keySet());
        List<ManagedUser> all = enabled.entrySet().stream()
                .map(e -> new ManagedUser(e.getKey(), roles.getOrDefault(e.getKey(), List.of()), e.getValue(),
                        locked.get(e.getKey())))
                .toList();
        audit("USER_LIST", "results: " + all.size());
        return all;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public ManagedUser user(String username) {
        ManagedUser u = load(username);
        audit("USER_READ", "user " + u.username());
        return u;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public UserChange create(String username, String initialPassword, Set<String> roles) {
        return changes.requestCreate(username, initialPassword, roles);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public ManagedUser setEnabled(String username, boolean enabled) {
        ManagedUser u = load(username);
        if (!enabled && self(u)) {
            throw new AccessDeniedException("A security administrator may not disable themselves");
        }
        jdbc.sql("update app_users set enabled = ? where username = ?").params(enabled, u.username()).update();
        provider.forgetRememberedChecks();
        states.forget(u.username());
        audit(enabled ? "USER_ENABLE" : "USER_DISABLE", "user " + u.username());
        return load(u.username());
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public UserChange changeRoles(String username, Set<String> roles) {
        ManagedUser u = load(username);
        if (self(u)) {
            throw new AccessDeniedException("A security administrator may not change their own roles");
        }
        return changes.requestRoles(u.username(), roles);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public List<UserChange> changes(UserChange.Status status) {
        return changes.list(status);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public UserChange decide(String changeId, Boolean approve) {
        return changes.decide(changeId, approve, applied -> {
            // An approved role change ends the user's sessions and remembered checks on this node at once.
            provider.forgetRememberedChecks();
            states.forget(applied.username());
        });
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    public ManagedUser unlock(String username) {
        ManagedUser u = load(username);
        boolean wasLocked = lockout.unlock(u.username());
        audit("USER_UNLOCK", "user " + u.username() + (wasLocked ? "" : " (was not locked)"));
        return load(u.username());
    }

    private ManagedUser load(String username) {
        if (username == null || username.isBlank() || username.length() > 64) {
            throw new NotFoundException("User");
        }
        Boolean enabled = jdbc.sql("select enabled from app_users where username = ?").param(username)
                .query(Boolean.class).optional().orElseThrow(() -> new NotFoundException("User"));
        List<String> roles = jdbc.sql("select authority from app_user_roles where username = ? order by authority")
                .param(username).query(String.class).list().stream().map(UserAdministrationService::role).toList();
        return new ManagedUser(username, roles, enabled, lockout.lockedUntil(username).orElse(null));
    }

    private static boolean self(ManagedUser u) {
        return CurrentActor.get().username().equals(u.username());
    }

    private static String role(String authority) {
        return authority.startsWith("ROLE_") ? authority.substring(5) : authority;
    }

    private void audit(String action, String detail) {
        accessLog.append(new AccessEvent(action, null, null, Outcome.SUCCESS, detail));
    }
}
