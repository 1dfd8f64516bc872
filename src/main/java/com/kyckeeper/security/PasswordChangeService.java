package com.kyckeeper.security;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PasswordChangeService implements PasswordChange {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final LoginLockout lockout;
    private final LockingAuthenticationProvider provider;
    private final AccountStates states;
    private final AccessLog accessLog;

    PasswordChangeService(JdbcClient jdbc, PasswordEncoder encoder, PasswordPolicy policy, LoginLockout lockout,
                          LockingAuthenticationProvider provider, AccountStates states, AccessLog accessLog) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.policy = policy;
        this.lockout = lockout;
        this.provider = provider;
        this.states = states;
        this.accessLog = accessLog;
    }

    @Override
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void change(String current, String next) {
        String me = CurrentActor.get().username();
        List<FieldViolation> v = new ArrayList<>();
        if (current == null || current.isEmpty()) {
            v.add(new FieldViolation("current", "is required"));
        }
        policy.problems(me, next).forEach(p -> v.add(new FieldViolation("new", p)));
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        String hash = jdbc.sql("select password from app_users where username = ?").param(me).query(String.class)
                .optional().orElseThrow(() -> new InvalidInputException("current", "does not match"));
        // Over-long input never reaches the hash function (bcrypt throws beyond 72 bytes).
        boolean matches = current.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 1024
                && encoder.matches(current, hash);
        if (!matches) {
            // Counted like a failed sign-in, so a left-open session cannot be used to guess the password.
            lockout.failed(me);
            accessLog.appendIndependently(new AccessEvent("PASSWORD_CHANGE", null, null, Outcome.REFUSED,
                    "wrong current password"));
            throw new InvalidInputException("current", "does not match your current password");
        }
        if (encoder.matches(next, hash)) {
            throw new InvalidInputException("new", "must differ from the current password");
        }
        jdbc.sql("update app_users set password = ?, must_change_password = ? where username = ?")
                .params(encoder.encode(next), false, me).update();
        provider.forgetRememberedChecks();
        states.forget(me);
        accessLog.append(new AccessEvent("PASSWORD_CHANGE", null, null, Outcome.SUCCESS, "own password"));
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public boolean required() {
        return states.of(CurrentActor.get().username()).map(AccountStates.State::mustChangePassword).orElse(false);
    }
}
