package com.kyckeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** policies/login.yml semantics: N failures within the window lock the name for the lock duration. */
class LoginLockoutTest {

    final MutableClock clock = new MutableClock();
    final LoginLockout lockout = new LoginLockout(
            new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15)), clock);

    @Test
    void theFifthFailureWithinTheWindowLocksUntilTheLockDurationHasPassed() {
        for (int i = 1; i <= 4; i++) {
            assertThat(lockout.failed("teller1")).isFalse();
        }
        assertThat(lockout.lockedUntil("teller1")).isEmpty();
        assertThat(lockout.failed("TELLER1")).as("names compare case-insensitively").isTrue();
        assertThat(lockout.lockedUntil("teller1")).hasValue(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(lockout.lockedUntil("teller2")).isEmpty();

        clock.advance(Duration.ofMinutes(14));
        assertThat(lockout.lockedUntil("teller1")).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(lockout.lockedUntil("teller1")).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        for (int i = 1; i <= 4; i++) {
            lockout.failed("teller1");
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(lockout.failed("teller1")).isFalse();
        assertThat(lockout.lockedUntil("teller1")).isEmpty();
    }

    @Test
    void aSuccessfulSignInClearsTheCount() {
        for (int i = 1; i <= 4; i++) {
            lockout.failed("teller1");
        }
        lockout.succeeded("teller1");
        assertThat(lockout.failed("teller1")).isFalse();
    }
}
