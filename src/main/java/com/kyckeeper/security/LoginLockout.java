package com.kyckeeper.security;

import com.kyckeeper.crypto.BlindIndex;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed password checks per user name (whether or not the user exists, so a lock reveals
 * nothing) and locks the name after {@link LockoutPolicy#maxFailures()} within the window, for the
 * lock duration. The state lives in the database (table {@code login_lockouts}), so every node of a
 * cluster counts the same failures, sees the same lock and the same unlock. The window is fixed: it
 * starts at the first failure counted, and a failure after it has passed starts a new one.
 *
 * <p>The name is stored only as a keyed HMAC ({@link BlindIndex}, kind {@value #NAME_KIND}): a name
 * typed by mistake may be a password. A failure is one atomic {@code UPDATE … failures = failures + 1}
 * of the name's row; the first failure of a name inserts it, and an insert that loses a race with
 * another node's falls back to the update. Times come from the injected clock.
 */
final class LoginLockout {

    static final String NAME_KIND = "login-name";
    /** Names per IN list (Oracle allows 1,000 expressions; two probes per name during an index-key rotation). */
    private static final int CHUNK = 400;

    private final LockoutPolicy policy;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final BlindIndex index;
    private final TransactionTemplate ownTransaction;

    LoginLockout(LockoutPolicy policy, Clock clock, JdbcClient jdbc, BlindIndex index,
                 PlatformTransactionManager transactions) {
        this.policy = policy;
        this.clock = clock;
        this.jdbc = jdbc;
        this.index = index;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A name's state as read: whether a row is kept for it (failures counted or a lock) and the lock end. */
    record State(boolean tracked, Instant lockedUntil) {

        static final State NONE = new State(false, null);

        boolean locked() {
            return lockedUntil != null;
        }
    }

    /**
     * The name's state now, by one primary-key read. A database failure refuses the sign-in
     * (an authentication error, not an answer without the check).
     */
    State state(String username) {
        Instant now = now();
        try {
            List<Instant[]> rows = jdbc.sql("select locked_until from login_lockouts where name_key in (:keys)")
                    .param("keys", probes(username))
                    .query((rs, n) -> new Instant[] {instant(rs, 1)}).list();
            if (rows.isEmpty()) {
                return State.NONE;
            }
            Instant until = rows.stream().map(r -> r[0]).filter(u -> u != null && now.isBefore(u))
                    .max(Instant::compareTo).orElse(null);
            return new State(true, until);
        } catch (DataAccessException e) {
            throw new InternalAuthenticationServiceException("The sign-in lockout state could not be read", e);
        }
    }

    /** When the name is locked now: the instant the lock ends. */
    Optional<Instant> lockedUntil(String username) {
        return Optional.ofNullable(state(username).lockedUntil());
    }

    /** The lock ends of those of the names that are locked now (one query per few hundred names). */
    Map<String, Instant> lockedUntil(Collection<String> usernames) {
        Instant now = now();
        Map<String, String> nameOfKey = new HashMap<>();
        for (String name : usernames) {
            probes(name).forEach(k -> nameOfKey.put(k, name));
        }
        List<String> keys = new ArrayList<>(nameOfKey.keySet());
        Map<String, Instant> locked = new HashMap<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            jdbc.sql("select name_key, locked_until from login_lockouts where name_key in (:keys) and locked_until > :now")
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + CHUNK)))
                    .param("now", utc(now))
                    .query((rs, n) -> locked.merge(nameOfKey.get(rs.getString(1)), instant(rs, 2),
                            (a, b) -> a.isAfter(b) ? a : b))
                    .list();
        }
        return locked;
    }

    /** The name's blind index under the current key, as stored here and written to the access log. */
    String nameKey(String username) {
        return index.of(NAME_KIND, normalise(username));
    }

    /** Records a failure; true when this failure locks the name. Commits on its own, whatever the caller does. */
    boolean failed(String username) {
        String key = nameKey(username);
        for (int attempt = 0; ; attempt++) {
            Instant now = now();
            Boolean locked = ownTransaction.execute(s -> countFailure(key, now));
            if (locked != null) {
                return locked;
            }
            try {
                return Boolean.TRUE.equals(ownTransaction.execute(s -> firstFailure(key, now)));
            } catch (DuplicateKeyException raced) {
                // another node inserted the name's row first: count on it
                if (attempt >= 2) {
                    throw raced;
                }
            }
        }
    }

    /** One atomic increment (a new window when the last one has passed); null when the name has no row yet. */
    private Boolean countFailure(String key, Instant now) {
        int updated = jdbc.sql("""
                        update login_lockouts set
                          failures = case when window_start > :windowStart then failures + 1 else 1 end,
                          window_start = case when window_start > :windowStart then window_start else :now end
                        where name_key = :key""")
                .param("windowStart", utc(now.minus(policy.window())))
                .param("now", utc(now))
                .param("key", key)
                .update();
        if (updated == 0) {
            // before the first failure of a new name: forget names whose window and lock are over
            jdbc.sql("""
                            delete from login_lockouts
                            where window_start <= :windowStart and (locked_until is null or locked_until <= :now)""")
                    .param("windowStart", utc(now.minus(policy.window())))
                    .param("now", utc(now))
                    .update();
            return null;
        }
        // the row stays locked by this transaction's update: this count is ours alone
        int failures = jdbc.sql("select failures from login_lockouts where name_key = :key").param("key", key)
                .query(Integer.class).single();
        if (failures < policy.maxFailures()) {
            return false;
        }
        lock(key, now);
        return true;
    }

    private Boolean firstFailure(String key, Instant now) {
        jdbc.sql("insert into login_lockouts (name_key, failures, window_start) values (:key, 1, :now)")
                .param("key", key)
                .param("now", utc(now))
                .update();
        if (policy.maxFailures() > 1) {
            return false;
        }
        lock(key, now);
        return true;
    }

    private void lock(String key, Instant now) {
        jdbc.sql("update login_lockouts set failures = 0, window_start = :now, locked_until = :until where name_key = :key")
                .param("now", utc(now))
                .param("until", utc(now.plus(policy.lockDuration())))
                .param("key", key)
                .update();
    }

    /** A successful sign-in forgets the counted failures (never a lock: a locked name is refused before its check). */
    void succeeded(String username) {
        ownTransaction.executeWithoutResult(s -> jdbc.sql("""
                        delete from login_lockouts
                        where name_key in (:keys) and (locked_until is null or locked_until <= :now)""")
                .param("keys", probes(username))
                .param("now", utc(now()))
                .update());
    }

    /**
     * A security administrator lifts a lock (and forgets the counted failures) for every node at once;
     * true when the name was locked. Joins the caller's transaction.
     */
    boolean unlock(String username) {
        boolean locked = lockedUntil(username).isPresent();
        jdbc.sql("delete from login_lockouts where name_key in (:keys)").param("keys", probes(username)).update();
        return locked;
    }

    /** Microseconds, as the database keeps them (a rounded-up lock end would outlast the lock duration). */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private List<String> probes(String username) {
        return index.probes(NAME_KIND, normalise(username));
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
