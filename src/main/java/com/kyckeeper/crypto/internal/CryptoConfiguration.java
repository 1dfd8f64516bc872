package com.kyckeeper.crypto.internal;

import com.kyckeeper.crypto.BlindIndex;
import com.kyckeeper.crypto.CryptoShredding;
import com.kyckeeper.crypto.EncryptedRecords;
import com.kyckeeper.crypto.FieldCipher;
import com.kyckeeper.crypto.KeyRotation;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    KeyEncryptionKey keyEncryptionKey(CryptoProperties props, Environment env) {
        return KeystoreLoader.load(props, env.matchesProfiles("demo"));
    }

    @Bean
    DataKeys dataKeys(JdbcClient jdbc, KeyEncryptionKey kek, CryptoProperties props, Clock clock,
                      PlatformTransactionManager tm) {
        return new DataKeys(jdbc, kek, props.suite(), clock, tm);
    }

    @Bean
    FieldCipher fieldCipher(DataKeys keys, ApplicationEventPublisher events) {
        return new AeadFieldCipher(keys, events);
    }

    @Bean
    BlindIndex blindIndex(DataKeys keys) {
        return new HmacBlindIndex(keys);
    }

    @Bean
    CryptoShredding cryptoShredding(DataKeys keys) {
        return new CryptoShredding() {
            @Override
            public void shred(String owner) {
                keys.destroy(owner);
            }

            @Override
            public void shredAll(java.util.Collection<String> owners) {
                keys.destroyAll(owners);
            }
        };
    }

    @Bean
    KeyRotation keyRotation(JdbcClient jdbc, DataKeys keys, FieldCipher cipher, ObjectProvider<EncryptedRecords> records,
                            Clock clock, PlatformTransactionManager tm, CryptoProperties props) {
        return new KeyRotations(jdbc, keys, cipher, records.orderedStream().toList(), clock, tm, props.rotation());
    }
}
