package com.kyckeeper.security;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;

/**
 * Four eyes on accounts: a creation or role change is stored as pending (user_changes) and applied only when
 * another security administrator, who is not the account changed, approves it. The role rules are checked on
 * the request and again on approval. Called inside UserAdministrationService's transactions and role checks.
 */
@Component
class AccountChanges {

    static final String USERNAME = "[a-z0-9][a-z0-9._-]{2,63}";
    private static final int MAX_LIST = 200;
    private final UserChanges changes;
    private final JdbcUserDetailsManager users;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final PasswordPolicy passwords;
    private final RolePolicy rolePolicy;
    private final AccessLog accessLog;
    private final Clock clock;

    AccountChanges(UserChanges changes, JdbcUserDetailsManager users, JdbcClient jdbc, PasswordEncoder encoder,
                   PasswordPolicy passwords, RolePolicy rolePolicy, AccessLog accessLog, Clock clock) {
        this.changes = changes;
        this.users = users;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.passwords = passwords;
        this.rolePolicy = rolePolicy;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    UserChange requestCreate(String username, String initialPassword, Set<String> roles) {
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
        if (users.userExists(name) || changes.pending(name, UserChange.Kind.CREATE)) {
            throw new ConflictException("username", "A user with this name already exists or is awaiting approval");
        }
        String id = UUID.randomUUID().toString();
        changes.insert(id, UserChange.Kind.CREATE, name, wanted, encoder.encode(initialPassword),
                CurrentActor.get().username(), clock.instant());
        audit("USER_CREATE_REQUEST", "change " + id + " user " + name + " roles " + wanted);
        return changes.find(id).orElseThrow().change();
    }

    UserChange requestRoles(String username, Set<String> roles) {
        List<FieldViolation> v = new ArrayList<>();
        Set<String> wanted = roles(roles, v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        if (changes.pending(username, UserChange.Kind.ROLES)) {
            throw new ConflictException("roles", "A role change for this user is already awaiting approval");
        }
        String id = UUID.randomUUID().toString();
        changes.insert(id, UserChange.Kind.ROLES, username, wanted, null, CurrentActor.get().username(),
                clock.instant());
        audit("USER_ROLES_CHANGE_REQUEST", "change " + id + " user " + username + " roles " + wanted);
        return changes.find(id).orElseThrow().change();
    }

    List<UserChange> list(UserChange.Status status) {
        if (status == null) {
            throw new InvalidInputException("status", "is required: PENDING_APPROVAL, APPROVED or REJECTED");
        }
        List<UserChange> found = changes.byStatus(status, MAX_LIST);
        audit("USER_CHANGE_LIST", "results: " + found.size());
        return found;
    }

    /** Decides a pending change; returns it decided. {@code applied} runs after an approved change is written. */
    UserChange decide(String changeId, Boolean approve, Consumer<UserChange> applied) {
        if (approve == null) {
            throw new InvalidInputException("decision", "is required: APPROVE or REJECT");
        }
        UserChanges.Row row = load(changeId);
        UserChange c = row.change();
        String actor = CurrentActor.get().username();
        if (actor.equals(c.requestedBy())) {
            throw new AccessDeniedException("Four eyes: a different security administrator decides this change");
        }
        if (actor.equals(c.username())) {
            throw new AccessDeniedException("A security administrator may not decide a change to their own account");
        }
        if (changes.created(actor, c.requestedBy())) {
            // The requester set this account's initial password: it may be the requester's second account.
            throw new AccessDeniedException("Four eyes: an account the requester had created may not decide their change");
        }
        if (c.status() != UserChange.Status.PENDING_APPROVAL) {
            throw new ConflictException("The change has already been decided");
        }
        if (approve) {
            List<FieldViolation> v = new ArrayList<>();
            roles(Set.copyOf(c.roles()), v);
            if (!v.isEmpty()) {
                throw new InvalidInputException(v);
            }
            apply(row);
        }
        changes.decide(c.id(), approve ? UserChange.Status.APPROVED : UserChange.Status.REJECTED, actor,
                clock.instant());
        if (approve) {
            applied.accept(c);
            audit(c.kind() == UserChange.Kind.CREATE ? "USER_CREATE" : "USER_ROLES_CHANGE",
                    "user " + c.username() + " roles " + c.roles() + " change " + c.id());
        } else {
            audit("USER_CHANGE_REJECT", "user " + c.username() + " change " + c.id());
        }
        return changes.find(c.id()).orElseThrow().change();
    }

    private void apply(UserChanges.Row row) {
        UserChange c = row.change();
        if (c.kind() == UserChange.Kind.CREATE) {
            if (users.userExists(c.username())) {
                throw new ConflictException("username", "A user with this name already exists");
            }
            users.createUser(User.withUsername(c.username()).password(row.passwordHash())
                    .roles(c.roles().toArray(String[]::new)).build());
            jdbc.sql("update app_users set must_change_password = ? where username = ?").params(true, c.username())
                    .update();
            return;
        }
        if (!users.userExists(c.username())) {
            throw new NotFoundException("User");
        }
        jdbc.sql("delete from app_user_roles where username = ?").param(c.username()).update();
        for (String r : c.roles()) {
            jdbc.sql("insert into app_user_roles (username, authority) values (?, ?)")
                    .params(c.username(), "ROLE_" + r).update();
        }
    }

    private UserChanges.Row load(String changeId) {
        try {
            UUID.fromString(changeId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException("User change");
        }
        return changes.lock(changeId).orElseThrow(() -> new NotFoundException("User change"));
    }

    /** The wanted roles, known and allowed together; violations name {@code roles}, never the password. */
    private Set<String> roles(Set<String> roles, List<FieldViolation> v) {
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
        rolePolicy.conflicts(wanted).forEach(c -> v.add(new FieldViolation("roles", c)));
        return wanted;
    }

    private void audit(String action, String detail) {
        accessLog.append(new AccessEvent(action, null, null, Outcome.SUCCESS, detail));
    }
}
