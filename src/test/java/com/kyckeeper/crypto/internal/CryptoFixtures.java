package com.kyckeeper.crypto.internal;

import com.kyckeeper.crypto.BlindIndex;
import com.kyckeeper.crypto.CryptoSuite;
import com.kyckeeper.crypto.FieldCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The real field cipher and blind index outside Spring, for benchmarks: data keys in an in-memory
 * H2 table, master key in a fresh development keystore.
 */
public final class CryptoFixtures {

    public record Crypto(FieldCipher cipher, BlindIndex index) {
    }

    private CryptoFixtures() {
    }

    public static Crypto create(CryptoSuite suite) throws Exception {
        Path dir = Files.createTempDirectory("kyc-bench-keys");
        DriverManagerDataSource ds = new DriverManagerDataSource(
                "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        JdbcClient jdbc = JdbcClient.create(ds);
        jdbc.sql("""
                CREATE TABLE data_keys (owner_id VARCHAR(64) NOT NULL, key_version INTEGER NOT NULL,
                suite VARCHAR(32) NOT NULL, kek_id VARCHAR(64) NOT NULL, wrapped_key VARCHAR(255) NOT NULL,
                created_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (owner_id, key_version))""").update();
        CryptoProperties props = new CryptoProperties(suite, null, null, null, true, dir, null, null);
        DataKeys keys = new DataKeys(jdbc, KeystoreLoader.load(props, true), suite, Clock.systemUTC(),
                new DataSourceTransactionManager(ds));
        return new Crypto(new AeadFieldCipher(keys, null), new HmacBlindIndex(keys));
    }
}
