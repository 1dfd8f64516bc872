package com.kyckeeper.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Passwords are checked by one encoder that accepts only slow hashes and costs one hash check per sign-in. */
class PasswordHashesTest {

    private final PasswordHashes hashes = new PasswordHashes();

    @Test
    void refusesStoredHashesThatAreNotBcryptOrArgon2() {
        for (String stored : new String[] {"{noop}secret", "{MD5}5ebe2294ecd0e0f08eab7690d2a6ee69",
                "{SHA-1}e5e9fa1ba31ecd1ae84f75caaa474f3a663f05f4", "{sha256}whatever", "secret", "{pbkdf2}x"}) {
            assertThat(hashes.matches("secret", stored)).as(stored).isFalse();
        }
    }

    @Test
    void acceptsBcryptAndArgon2Hashes() {
        assertThat(hashes.matches("correct horse", hashes.encode("correct horse"))).isTrue();
        assertThat(hashes.encode("x-password-1")).startsWith("{bcrypt}");
        String argon = "{argon2@SpringSecurity_v5_8}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("pw-Argon-2");
        assertThat(hashes.matches("pw-Argon-2", argon)).isTrue();
    }

    @Test
    void aPasswordOverSeventyTwoBytesNeverMatchesAndIsNeverHashed() {
        String stored = hashes.encode("Aa1" + "密".repeat(23));
        // 3 + 23 × 3 = 72 bytes matches; one more character (75 bytes) is refused, not cut off or thrown
        assertThat(hashes.matches("Aa1" + "密".repeat(23), stored)).isTrue();
        assertThat(hashes.matches("Aa1" + "密".repeat(24), stored)).isFalse();
        assertThatThrownBy(() -> hashes.encode("x".repeat(73))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLengthRuleCountsBytesNotCharacters() {
        PasswordPolicy policy = new PasswordPolicy(12, 128, 3);
        // 26 characters, 72 bytes: fine; 27 characters, 75 bytes: refused, though far under 128 characters
        assertThat(policy.problems("bob", "Aa1" + "密码安全长度规则测试用例字甲乙丙丁戊己庚辛壬癸")).isEmpty();
        assertThat(policy.problems("bob", "Aa1" + "密码安全长度规则测试用例字甲乙丙丁戊己庚辛壬癸子")).contains("must be at most 72 bytes in UTF-8");
    }

    @Test
    void unknownDisabledAndWrongPasswordSignInsEachCostOneHashCheck() {
        AtomicInteger checks = new AtomicInteger();
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return hashes.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                return hashes.matches(raw, encoded);
            }
        };
        String hash = hashes.encode("Right-password-1");
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                User.withUsername("active").password(hash).roles("TELLER").build(),
                User.withUsername("gone").password(hash).roles("TELLER").disabled(true).build());
        DaoAuthenticationProvider dao = PasswordHashes.provider(users, counting);

        checks.set(0);
        assertThatThrownBy(() -> dao.authenticate(token("nobody", "Wrong-password-1"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).as("unknown user").hasValue(1);
        checks.set(0);
        assertThatThrownBy(() -> dao.authenticate(token("gone", "Wrong-password-1"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).as("disabled user, wrong password").hasValue(1);
        checks.set(0);
        assertThatThrownBy(() -> dao.authenticate(token("gone", "Right-password-1"))).isInstanceOf(DisabledException.class);
        assertThat(checks).as("disabled user, right password").hasValue(1);
        checks.set(0);
        assertThatThrownBy(() -> dao.authenticate(token("active", "Wrong-password-1"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).as("wrong password").hasValue(1);
        checks.set(0);
        assertThat(dao.authenticate(token("active", "Right-password-1")).isAuthenticated()).isTrue();
        assertThat(checks).as("right password").hasValue(1);
    }

    private static UsernamePasswordAuthenticationToken token(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }
}
