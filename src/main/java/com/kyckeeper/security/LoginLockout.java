package com.kyckeeper.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts failed password checks per user name (whether or not the user exists, so a lock reveals
 * nothing) and locks the name after {@link LockoutPolicy#maxFailures()} within the window. State is
 * per process, on the injected clock; a restart forgets it. Bounded: at most 100 000 names tracked.
 */
final class LoginLockout {

    private final LockoutPolicy policy;
    private final Clock clock;
    private final Cache<String, Attempts> attempts = Caffeine.newBuilder().maximumSize(100_000).build();

    LoginLockout(LockoutPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** When the name is locked now: the instant the lock ends. */
    Optional<Instant> lockedUntil(String username) {
        Attempts a = attempts.getIfPresent(key(username));
        if (a == null) {
            return Optional.empty();
        }
        synchronized (a) {
            Instant now = clock.instant();
            return a.lockedUntil != null && now.isBefore(a.lockedUntil) ? Optional.of(a.lockedUntil) : Optional.empty();
        }
    }

    /** Records a failure; true when this failure locks the name. */
    boolean failed(String username) {
        Attempts a = attempts.get(key(username), k -> new Attempts());
        synchronized (a) {
            Instant now = clock.instant();
            Instant windowStart = now.minus(policy.window());
            while (!a.failures.isEmpty() && !a.failures.peekFirst().isAfter(windowStart)) {
                a.failures.removeFirst();
            }
            a.failures.addLast(now);
            if (a.failures.size() >= policy.maxFailures()) {
                a.failures.clear();
                a.lockedUntil = now.plus(policy.lockDuration());
                return true;
            }
            return false;
        }
    }

    void succeeded(String username) {
        attempts.invalidate(key(username));
    }

    /** A security administrator lifts a lock (and forgets the counted failures); true when the name was locked. */
    boolean unlock(String username) {
        boolean locked = lockedUntil(username).isPresent();
        attempts.invalidate(key(username));
        return locked;
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static final class Attempts {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil;
    }
}
