package com.kyckeeper.security;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.shared.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class UserAdministrationService implements UserAdministration {

    static final String USERNAME = "[a-z0-9][a-z0-9._-]{2,63}";
    private static final int MAX_USERS = 1000;
    private final JdbcUserDetailsManager users;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final PasswordPolicy passwords;
    private final LoginLockout lockout;
    private final LockingAuthenticationProvider provider;
    private final AccessLog accessLog;
    private final AccountStates states;

    UserAdministrationService(JdbcUserDetailsManager users, JdbcClient jdbc, PasswordEncoder encoder,
                              PasswordPolicy passwords, LoginLockout lockout, LockingAuthenticationProvider provider,
                              AccessLog accessLog, AccountStates states) {
        this.states = states;
        this.users = users;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.passwords = passwords;
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
    public ManagedUser create(String username, String initialPassword, Set<String> roles) {
        List<FieldViolation> v = new ArrayList<>();
        String name = username == null ? "" : username.strip();
        if (name.isEmpty()) {
            v.add(new FieldViolation("username", "is required"));
        } else if (!name.matches(USERNAME)) {
            v.add(new FieldViolation("username",
                    "must be 3 to 64 lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit"));
        }
        passwords.problems(name, initialPassword).forEach(p -> v.add(new FieldViolation("password", p)));
        Set<String> wanted = roles(roles, v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        if (users.userExists(name)) {
            throw new ConflictException("username", "A user with this name already exists");
        }
        users.createUser(User.withUsername(name).password(encoder.encode(initialPassword))
                .roles(wanted.toArray(String[]::new)).build());
        audit("USER_CREATE", "user " + name + " roles " + wanted);
        return load(name);
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
    public ManagedUser changeRoles(String username, Set<String> roles) {
        ManagedUser u = load(username);
        if (self(u)) {
            throw new AccessDeniedException("A security administrator may not change their own roles");
        }
        List<FieldViolation> v = new ArrayList<>();
        Set<String> wanted = roles(roles, v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        jdbc.sql("delete from app_user_roles where username = ?").param(u.username()).update();
        for (String r : wanted) {
            jdbc.sql("insert into app_user_roles (username, authority) values (?, ?)")
                    .params(u.username(), "ROLE_" + r).update();
        }
        provider.forgetRememberedChecks();
        states.forget(u.username());
        audit("USER_ROLES_CHANGE", "user " + u.username() + " roles " + u.roles() + " -> " + wanted);
        return load(u.username());
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

    private static Set<String> roles(Set<String> roles, List<FieldViolation> v) {
        Set<String> wanted = new TreeSet<>();
        if (roles != null) {
            for (String r : roles) {
                if (r == null || !Roles.ALL.contains(r)) {
                    v.add(new FieldViolation("roles", "must be among " + Roles.ALL));
                    return wanted;
                }
                wanted.add(r);
            }
        }
        if (wanted.isEmpty()) {
            v.add(new FieldViolation("roles", "at least one role is required"));
        }
        return wanted;
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
