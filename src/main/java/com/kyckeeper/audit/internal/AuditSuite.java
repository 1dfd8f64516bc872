package com.kyckeeper.audit.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The algorithms of the tamper evidence: chain hash, event MAC and checkpoint signature.
 * Follows the configured field-encryption suite: the 国密 suite (SM4_GCM_HMAC_SM3) chains with SM3
 * and signs with SM2, the default with SHA-256 and Ed25519. A log keeps its suite for life.
 */
public enum AuditSuite {
    ED25519_SHA256, SM2_SM3;

    public static AuditSuite forCryptoSuite(String cryptoSuite) {
        return "SM4_GCM_HMAC_SM3".equals(cryptoSuite) ? SM2_SM3 : ED25519_SHA256;
    }

    /** A fresh (not thread-safe) hash function of this suite. */
    public Hasher hasher() {
        if (this == SM2_SM3) {
            SM3Digest d = new SM3Digest();
            return (prev, buf, len) -> {
                byte[] out = new byte[32];
                d.update(prev, 0, prev.length);
                d.update(buf, 0, len);
                d.doFinal(out, 0);
                return out;
            };
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return (prev, buf, len) -> {
                md.update(prev);
                md.update(buf, 0, len);
                return md.digest();
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** A fresh (not thread-safe) keyed MAC of this suite. */
    public Hasher mac(byte[] key) {
        if (this == SM2_SM3) {
            HMac h = new HMac(new SM3Digest());
            h.init(new KeyParameter(key));
            return (unused, buf, len) -> {
                byte[] out = new byte[32];
                h.update(buf, 0, len);
                h.doFinal(out, 0);
                return out;
            };
        }
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return (unused, buf, len) -> {
                m.update(buf, 0, len);
                return m.doFinal();
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** H(prev || buf[0..len)); for a MAC, prev is ignored. */
    @FunctionalInterface
    public interface Hasher {
        byte[] hash(byte[] prev, byte[] buf, int len);
    }
}
