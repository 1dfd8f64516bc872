package com.kyckeeper.audit.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** The suite follows the field-encryption suite setting: 国密 there means SM3/SM2 here. */
    @Bean
    AuditKeys auditKeys(AuditProperties props,
                        @Value("${kyc.crypto.suite:AES_256_GCM_HMAC_SHA256}") String cryptoSuite) {
        return AuditKeys.loadOrCreate(props.keyDir(), AuditSuite.forCryptoSuite(cryptoSuite));
    }
}
