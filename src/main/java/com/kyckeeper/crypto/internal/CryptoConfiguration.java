package com.kyckeeper.crypto.internal;

import com.kyckeeper.crypto.BlindIndex;
import com.kyckeeper.crypto.CryptoShredding;
import com.kyckeeper.crypto.FieldCipher;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    KeyEncryptionKey keyEncryptionKey(CryptoProperties props) {
        return KeystoreLoader.load(props);
    }

    @Bean
    DataKeys dataKeys(JdbcClient jdbc, KeyEncryptionKey kek, CryptoProperties props, Clock clock,
                      PlatformTransactionManager tm) {
        return new DataKeys(jdbc, kek, props.suite(), clock, tm);
    }

    @Bean
    FieldCipher fieldCipher(DataKeys keys) {
        return new AeadFieldCipher(keys);
    }

    @Bean
    BlindIndex blindIndex(DataKeys keys) {
        return new HmacBlindIndex(keys);
    }

    @Bean
    CryptoShredding cryptoShredding(DataKeys keys) {
        return keys::destroy;
    }
}
