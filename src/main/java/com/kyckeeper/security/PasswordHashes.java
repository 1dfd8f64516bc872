package com.kyckeeper.security;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one place passwords are hashed and checked. Only bcrypt and Argon2 hashes are accepted: a stored
 * {@code {noop}}, {@code {MD5}}, {@code {SHA-1}} … hash (or one without a prefix) never matches. Every
 * sign-in costs exactly one slow hash check, whatever its outcome: an unknown user (Spring's dummy check),
 * a disabled user (checked after the password), a password longer than bcrypt's 72 bytes or a refused
 * stored hash (a dummy check here), so the answer time tells nothing.
 */
final class PasswordHashes implements PasswordEncoder {

    /** bcrypt reads at most this many bytes (and Spring's encoder throws above it). */
    static final int MAX_BYTES = 72;
    private static final String DEFAULT = "bcrypt";

    private final DelegatingPasswordEncoder accepted;
    private final PasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final String dummyHash;

    PasswordHashes() {
        Map<String, PasswordEncoder> encoders = Map.of(
                DEFAULT, bcrypt,
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_2(),
                "argon2@SpringSecurity_v5_8", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        this.accepted = new DelegatingPasswordEncoder(DEFAULT, encoders);
        this.dummyHash = bcrypt.encode("dummy password for equal timing");
        // a hash under any other prefix: one dummy check, then no
        this.accepted.setDefaultPasswordEncoderForMatches(new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                throw new IllegalStateException("Only bcrypt and Argon2 hashes are made");
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return dummyCheck();
            }
        });
    }

    static boolean tooLong(CharSequence password) {
        return password != null && password.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    @Override
    public String encode(CharSequence raw) {
        if (raw == null || tooLong(raw)) {
            // PasswordPolicy refuses these with a field error first; this is the last guard
            throw new IllegalArgumentException("A password may be at most " + MAX_BYTES + " bytes");
        }
        return accepted.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        if (raw == null || encoded == null || tooLong(raw)) {
            return dummyCheck();
        }
        return accepted.matches(raw, encoded);
    }

    @Override
    public boolean upgradeEncoding(String encoded) {
        return encoded != null && accepted.upgradeEncoding(encoded);
    }

    private boolean dummyCheck() {
        bcrypt.matches("dummy password for equal timing", dummyHash);
        return false;
    }

    /**
     * The DAO provider of both chains: account state (disabled, locked, expired) is checked only after the
     * password, so a disabled user's sign-in costs the same hash check as anyone's.
     */
    static DaoAuthenticationProvider provider(UserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        dao.setPreAuthenticationChecks(user -> { });
        dao.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return dao;
    }
}
