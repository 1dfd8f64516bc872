package com.kyckeeper.crypto.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.kyckeeper.crypto.CryptoSuite;
import com.kyckeeper.crypto.DecryptionFailedException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-owner data keys, stored only wrapped by the KEK and cached briefly in memory. A new key is
 * committed in a transaction of its own, so a key that encrypted anything is never lost to a
 * rollback of the caller.
 */
final class DataKeys {

    record Dek(int version, CryptoSuite suite, byte[] key) {
    }

    record Keyring(List<Dek> keys) {
        Dek current() {
            return keys.stream().max(Comparator.comparingInt(Dek::version)).orElseThrow();
        }

        Dek version(int v) {
            return keys.stream().filter(k -> k.version() == v).findFirst()
                    .orElseThrow(() -> new DecryptionFailedException("Data key version " + v + " does not exist"));
        }
    }

    private final JdbcClient jdbc;
    private final KeyEncryptionKey kek;
    private final CryptoSuite suite;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Keyring> cache = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterWrite(Duration.ofMinutes(5)).build();

    DataKeys(JdbcClient jdbc, KeyEncryptionKey kek, CryptoSuite suite, Clock clock, PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.kek = kek;
        this.suite = suite;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(tm);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The owner's current key, created on first use. */
    Dek current(String owner) {
        return cache.get(owner, this::loadOrCreate).current();
    }

    /** A key by version for decryption; absent when the owner was shredded. */
    Dek version(String owner, int version) {
        Keyring ring = cache.get(owner, this::load);
        if (ring == null) {
            throw new DecryptionFailedException("No data key: the owner's keys were destroyed or never existed");
        }
        return ring.version(version);
    }

    void destroy(String owner) {
        jdbc.sql("delete from data_keys where owner_id = :owner").param("owner", owner).update();
        Keyring ring = cache.getIfPresent(owner);
        cache.invalidate(owner);
        if (ring != null) {
            ring.keys().forEach(k -> Arrays.fill(k.key(), (byte) 0));
        }
    }

    private Keyring loadOrCreate(String owner) {
        Keyring ring = load(owner);
        if (ring != null) {
            return ring;
        }
        byte[] key = new byte[suite.keyLength()];
        random.nextBytes(key);
        try {
            ownTransaction.executeWithoutResult(s -> jdbc.sql("""
                    insert into data_keys (owner_id, key_version, suite, kek_id, wrapped_key, created_at)
                    values (:owner, 1, :suite, :kek, :wrapped, :at)""")
                    .param("owner", owner)
                    .param("suite", suite.name())
                    .param("kek", kek.id())
                    .param("wrapped", Base64.getEncoder().encodeToString(kek.wrap(key, wrapAad(owner, 1, suite))))
                    .param("at", Timestamp.from(clock.instant()))
                    .update());
            return new Keyring(List.of(new Dek(1, suite, key)));
        } catch (DuplicateKeyException raced) {
            Arrays.fill(key, (byte) 0);
            return load(owner);
        }
    }

    private Keyring load(String owner) {
        List<Dek> keys = jdbc.sql("select key_version, suite, kek_id, wrapped_key from data_keys where owner_id = :owner")
                .param("owner", owner)
                .query((rs, i) -> {
                    int v = rs.getInt(1);
                    CryptoSuite s = CryptoSuite.valueOf(rs.getString(2));
                    byte[] wrapped = Base64.getDecoder().decode(rs.getString(4));
                    return new Dek(v, s, kek.unwrap(wrapped, wrapAad(owner, v, s)));
                })
                .list();
        return keys.isEmpty() ? null : new Keyring(keys);
    }

    private static byte[] wrapAad(String owner, int version, CryptoSuite suite) {
        return ("kyc/dek|" + owner + "|" + version + "|" + suite.name()).getBytes(StandardCharsets.UTF_8);
    }
}
