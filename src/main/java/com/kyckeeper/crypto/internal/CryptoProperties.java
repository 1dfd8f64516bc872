package com.kyckeeper.crypto.internal;

import com.kyckeeper.crypto.CryptoSuite;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Crypto settings. The master key (KEK) comes from an HSM when {@code pkcs11.library} is set,
 * else from the PKCS#12 file {@code keystore}; when neither is set and {@code devKeystoreAllowed}
 * is true in the demo profile, a development keystore is generated under {@code devKeystoreDir}.
 * {@code kekAlias} names the first master key; rotated ones are {@code <alias>-v2}, {@code -v3} ...
 */
@ConfigurationProperties("kyc.crypto")
record CryptoProperties(CryptoSuite suite, Path keystore, String keystorePassword, String kekAlias,
                        boolean devKeystoreAllowed, Path devKeystoreDir, Pkcs11 pkcs11, Rotation rotation) {

    /**
     * SunPKCS11 settings: the module library, the token's slot (id or list index) and the user
     * PIN (give it through the environment, KYC_HSM_PIN). The KEK is the secret key labelled
     * {@code kekAlias} on that token.
     */
    record Pkcs11(String library, Long slot, Integer slotListIndex, String pin) {
        boolean enabled() {
            return library != null && !library.isBlank();
        }
    }

    /**
     * Rotation runs in batches of {@code batchSize} owners, pausing {@code pauseMillis} between batches.
     * A DEK rotation destroys the old key versions {@code retireAfter} after it re-encrypted every
     * owner: longer than any write transaction, and in a cluster longer than the data key cache (5 min).
     */
    record Rotation(Integer batchSize, Long pauseMillis, java.time.Duration retireAfter) {
        Rotation {
            batchSize = batchSize == null || batchSize < 1 ? 100 : batchSize;
            pauseMillis = pauseMillis == null || pauseMillis < 0 ? 0L : pauseMillis;
            retireAfter = retireAfter == null || retireAfter.isNegative() ? java.time.Duration.ofSeconds(10) : retireAfter;
        }
    }

    CryptoProperties {
        suite = suite == null ? CryptoSuite.AES_256_GCM_HMAC_SHA256 : suite;
        kekAlias = kekAlias == null || kekAlias.isBlank() ? "kyc-kek" : kekAlias;
        pkcs11 = pkcs11 == null ? new Pkcs11(null, null, null, null) : pkcs11;
        rotation = rotation == null ? new Rotation(null, null, null) : rotation;
    }
}
