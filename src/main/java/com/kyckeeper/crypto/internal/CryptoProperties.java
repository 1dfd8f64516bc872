package com.kyckeeper.crypto.internal;

import com.kyckeeper.crypto.CryptoSuite;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Crypto settings. {@code keystore} is a PKCS#12 file holding the KEK; when it is not set and
 * {@code devKeystoreAllowed} is true (demo profile, tests) a development keystore is generated
 * under {@code devKeystoreDir}.
 */
@ConfigurationProperties("kyc.crypto")
record CryptoProperties(CryptoSuite suite, Path keystore, String keystorePassword, String kekAlias,
                        boolean devKeystoreAllowed, Path devKeystoreDir) {

    CryptoProperties {
        suite = suite == null ? CryptoSuite.AES_256_GCM_HMAC_SHA256 : suite;
        kekAlias = kekAlias == null || kekAlias.isBlank() ? "kyc-kek" : kekAlias;
    }
}
