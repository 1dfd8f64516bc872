package com.kyckeeper.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stored state of a user (enabled flag, authorities, initial password still to change) as the database has it, cached per node for
 * {@link SessionCheckPolicy#maxAge()}. The database is the one truth shared by every node of a cluster, so a
 * user disabled on one node is refused on all of them within that time (at once on the node that disabled it,
 * which calls {@link #forget}).
 */
class AccountStates {

    record State(boolean enabled, Set<String> authorities, boolean mustChangePassword) {
    }

    private record Cached(Optional<State> state, Instant fetchedAt) {
    }

    private static final int MAX_ENTRIES = 10_000;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SessionCheckPolicy policy;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    AccountStates(JdbcClient jdbc, Clock clock, SessionCheckPolicy policy) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = policy;
    }

    /** The user's stored state; empty when no such user is stored. */
    Optional<State> of(String username) {
        Instant now = clock.instant();
        Cached cached = cache.get(username);
        if (cached != null && !cached.fetchedAt().plus(policy.maxAge()).isBefore(now)
                && !cached.fetchedAt().isAfter(now)) {
            return cached.state();
        }
        Optional<State> state = load(username);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(username, new Cached(state, now));
        return state;
    }

    /** Drops the cached state now and again once the caller's transaction commits (so no stale copy outlives it). */
    void forget(String username) {
        cache.remove(username);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.remove(username);
                }
            });
        }
    }

    private Optional<State> load(String username) {
        Optional<boolean[]> flags = jdbc.sql("select enabled, must_change_password from app_users where username = ?")
                .param(username).query((rs, n) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2)}).optional();
        if (flags.isEmpty()) {
            return Optional.empty();
        }
        Set<String> authorities = jdbc.sql("select authority from app_user_roles where username = ?").param(username)
                .query(String.class).list().stream().collect(Collectors.toUnmodifiableSet());
        return Optional.of(new State(flags.get()[0], authorities, flags.get()[1]));
    }
}
