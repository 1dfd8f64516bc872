package com.kyckeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.kyckeeper.support.ApiTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * policies/login.yml semantics on the database-backed lockout (table login_lockouts): N failures
 * within the window lock the name for the lock duration, for HTTP Basic as for the provider, with
 * failures counted atomically under concurrency. Run on H2 and PostgreSQL by the subclasses; the
 * two-node behaviour is LoginLockoutClusterTest.
 */
abstract class LoginLockoutContract extends ApiTestBase {

    @Autowired
    LoginLockout lockout;

    @Test
    void theFifthFailureWithinTheWindowLocksUntilTheLockDurationHasPassed() {
        String name = "lock-a-" + System.nanoTime();
        for (int i = 1; i <= 4; i++) {
            assertThat(lockout.failed(name)).isFalse();
        }
        assertThat(lockout.lockedUntil(name)).isEmpty();
        assertThat(lockout.failed(name.toUpperCase())).as("names compare case-insensitively").isTrue();
        Instant until = lockout.lockedUntil(name).orElseThrow();
        assertThat(Duration.between(clock.instant(), until))
                .isBetween(Duration.ofMinutes(15).minusMillis(1), Duration.ofMinutes(15));
        assertThat(lockout.lockedUntil(name + "x")).isEmpty();

        clock.advance(Duration.ofMinutes(14));
        assertThat(lockout.lockedUntil(name)).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(lockout.lockedUntil(name)).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        String name = "lock-b-" + System.nanoTime();
        for (int i = 1; i <= 4; i++) {
            lockout.failed(name);
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(lockout.failed(name)).isFalse();
        assertThat(lockout.lockedUntil(name)).isEmpty();
        for (int i = 2; i <= 4; i++) {
            assertThat(lockout.failed(name)).isFalse();
        }
        assertThat(lockout.failed(name)).as("five in the new window").isTrue();
    }

    @Test
    void aSuccessfulSignInClearsTheCount() {
        String name = "lock-c-" + System.nanoTime();
        for (int i = 1; i <= 4; i++) {
            lockout.failed(name);
        }
        lockout.succeeded(name);
        assertThat(lockout.failed(name)).isFalse();
        assertThat(lockout.state(name).tracked()).isTrue();
    }

    @Test
    void concurrentFailuresAreEachCountedOnce() throws Exception {
        String name = "lock-d-" + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> lockout.failed(name));
            }
            long locks = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                locks += f.get() ? 1 : 0;
            }
            // 20 failures, each counted exactly once (the first ones racing to insert the row): a lock at
            // the 5th, 10th, 15th and 20th (locking restarts the count)
            assertThat(locks).isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLockedUserIsRefusedOverBasicEvenWithRememberedCredentialsUntilTheLockEnds() {
        assertThat(api.as("supervisor1").get("/api/v1/customers/reverification-due").status())
                .as("a successful check is remembered").isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(api.as("supervisor1").password("wrong-password-" + i).get("/api/v1/customers/reverification-due")
                    .status()).isEqualTo(401);
        }
        assertThat(api.as("supervisor1").get("/api/v1/customers/reverification-due").status())
                .as("locked: the right password is refused").isEqualTo(401);

        clock.advance(Duration.ofMinutes(15));
        assertThat(api.as("supervisor1").get("/api/v1/customers/reverification-due").status()).isEqualTo(200);
    }

    @Test
    void theTableHoldsNoNameAndNoPassword() {
        String typedPassword = "Sup3r-Secret-" + System.nanoTime();
        lockout.failed(typedPassword);
        lockout.failed("teller2");
        List<String> rows = jdbc.sql("select name_key from login_lockouts").query(String.class).list();
        assertThat(rows).isNotEmpty().noneMatch(r -> r.toLowerCase().contains(typedPassword.toLowerCase()))
                .noneMatch(r -> r.contains("teller2"));
        assertThat(lockout.state(typedPassword).tracked()).isTrue();
    }
}
