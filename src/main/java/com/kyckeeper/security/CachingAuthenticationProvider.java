package com.kyckeeper.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic sends the password with every request, and a deliberately slow password hash
 * (BCrypt/Argon2) per request would cap an API client at a few dozen calls a second. Successful
 * checks are remembered for a short time under a keyed HMAC of the credentials (the key lives only
 * in this process); failures are never cached.
 */
final class CachingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final byte[] key = new byte[32];
    private final Cache<String, Authentication> verified;

    CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl) {
        this.delegate = delegate;
        new SecureRandom().nextBytes(key);
        this.verified = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        String cacheKey = mac(authentication.getName() + "\u0000" + password);
        Authentication known = verified.getIfPresent(cacheKey);
        if (known != null) {
            return known;
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            verified.put(cacheKey, result);
        }
        return result;
    }

    /** Forgets every remembered check, e.g. after a password change or lockout. */
    void forgetAll() {
        verified.invalidateAll();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String mac(String value) {
        HMac hmac = new HMac(new SHA256Digest());
        hmac.init(new KeyParameter(key));
        byte[] in = value.getBytes(StandardCharsets.UTF_8);
        hmac.update(in, 0, in.length);
        byte[] out = new byte[32];
        hmac.doFinal(out, 0);
        return Base64.getEncoder().encodeToString(out);
    }
}
