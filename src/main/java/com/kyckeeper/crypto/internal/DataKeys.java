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
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-owner data keys, stored only wrapped by the master key and cached briefly in memory. An
 * owner's first key is stored in the caller's transaction (and dropped from the cache if it rolls
 * back); shared keys and rotated versions are committed in a transaction of their own, so a key
 * that encrypted anything is never lost. An owner may hold several versions: the highest
 * encrypts, all decrypt.
 */
final class DataKeys {

    record Dek(int version, CryptoSuite suite, byte[] key, Instant createdAt) {
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
    // Evicted keys are not zeroed: a request may still be using them, and encrypting with a zeroed
    // key would silently lose data. Shredded owners' keys are zeroed (nothing may use them again).

    DataKeys(JdbcClient jdbc, KeyEncryptionKey kek, CryptoSuite suite, Clock clock, PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.kek = kek;
        this.suite = suite;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(tm);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    CryptoSuite suite() {
        return suite;
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

    /** Every version the owner holds, newest first (empty when none). */
    List<Dek> all(String owner) {
        Keyring ring = cache.get(owner, this::loadOrCreate);
        return ring.keys().stream().sorted(Comparator.comparingInt(Dek::version).reversed()).toList();
    }

    void destroy(String owner) {
        destroyAll(List.of(owner));
    }

    /** Deletes the owners' wrapped keys in one statement (IN list, at most 1,000) and zeroes cached ones. */
    void destroyAll(Collection<String> owners) {
        if (owners.isEmpty()) {
            return;
        }
        if (owners.size() > 1000) {
            throw new IllegalArgumentException("At most 1000 owners per call, not " + owners.size());
        }
        jdbc.sql("delete from data_keys where owner_id in (:owners)").param("owners", List.copyOf(owners)).update();
        for (String owner : owners) {
            Keyring ring = cache.getIfPresent(owner);
            cache.invalidate(owner);
            if (ring != null) {
                ring.keys().forEach(k -> Arrays.fill(k.key(), (byte) 0));
            }
        }
    }

    /**
     * Adds a new key version for the owner unless its current key was created after
     * {@code notBefore} (a key newer than the rotation, or a resumed batch). Returns the current version.
     */
    int rotate(String owner, Instant notBefore) {
        cache.invalidate(owner);
        Keyring ring = load(owner);
        if (ring == null) {
            return current(owner).version();
        }
        Dek cur = ring.current();
        if (notBefore != null && cur.createdAt().isAfter(notBefore)) {
            return cur.version();
        }
        byte[] key = newKey();
        int next = cur.version() + 1;
        try {
            insert(owner, next, key);
        } catch (DuplicateKeyException raced) {
            // another node rotated the same owner at the same moment: its key is as good
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        cache.invalidate(owner);
        return current(owner).version();
    }

    /** Deletes every version of the owner's key below {@code version} (used after all data moved on). */
    int retireBelow(String owner, int version) {
        int n = jdbc.sql("delete from data_keys where owner_id = :owner and key_version < :v")
                .param("owner", owner).param("v", version).update();
        cache.invalidate(owner);
        return n;
    }

    /** Owners holding data keys, in id order after {@code after} (null = from the start). */
    List<String> owners(String after, int limit) {
        String sql = "select distinct owner_id from data_keys where owner_id <> :index"
                + (after == null ? "" : " and owner_id > :after")
                + " order by owner_id fetch first " + Math.max(1, limit) + " rows only";
        var spec = jdbc.sql(sql).param("index", HmacBlindIndex.INDEX_KEY_OWNER);
        if (after != null) {
            spec = spec.param("after", after);
        }
        return spec.query(String.class).list();
    }

    /** Re-wraps up to {@code limit} data keys still wrapped under an older master key; returns how many. */
    int rewrapBatch(int limit) {
        String currentKek = kek.id();
        record Wrapped(String owner, int version, String suite, String kekId, String wrapped) {
        }
        List<Wrapped> rows = jdbc.sql("""
                select owner_id, key_version, suite, kek_id, wrapped_key from data_keys
                where kek_id <> :kek order by owner_id, key_version fetch first %d rows only""".formatted(Math.max(1, limit)))
                .param("kek", currentKek)
                .query((rs, i) -> new Wrapped(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
        for (Wrapped w : rows) {
            byte[] aad = wrapAad(w.owner(), w.version(), CryptoSuite.valueOf(w.suite()));
            byte[] key = kek.unwrap(w.kekId(), Base64.getDecoder().decode(w.wrapped()), aad);
            byte[] rewrapped = kek.wrap(key, aad);
            byte[] check = kek.unwrap(currentKek, rewrapped, aad);
            boolean same = java.security.MessageDigest.isEqual(key, check);
            Arrays.fill(check, (byte) 0);
            if (!same) {
                Arrays.fill(key, (byte) 0);
                throw new IllegalStateException("Re-wrapped data key did not open under the new master key");
            }
            try {
                jdbc.sql("""
                        update data_keys set kek_id = :kek, wrapped_key = :wrapped
                        where owner_id = :owner and key_version = :v and kek_id = :old""")
                        .param("kek", currentKek)
                        .param("wrapped", Base64.getEncoder().encodeToString(rewrapped))
                        .param("owner", w.owner()).param("v", w.version()).param("old", w.kekId())
                        .update();
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        }
        return rows.size();
    }

    long countWrappedUnderOtherKek() {
        return jdbc.sql("select count(*) from data_keys where kek_id <> :kek").param("kek", kek.id())
                .query(Long.class).single();
    }

    String rotateKek() {
        return kek.rotate();
    }

    private byte[] newKey() {
        byte[] key = new byte[suite.keyLength()];
        random.nextBytes(key);
        return key;
    }

    /** Inserts a new key version in a transaction of its own (shared keys, rotation). */
    private void insert(String owner, int version, byte[] key) {
        ownTransaction.executeWithoutResult(s -> insert(jdbc, owner, version, key));
    }

    private void insert(JdbcClient db, String owner, int version, byte[] key) {
        db.sql("""
                insert into data_keys (owner_id, key_version, suite, kek_id, wrapped_key, created_at)
                values (:owner, :v, :suite, :kek, :wrapped, :at)""")
                .param("owner", owner)
                .param("v", version)
                .param("suite", suite.name())
                .param("kek", kek.id())
                .param("wrapped", Base64.getEncoder().encodeToString(kek.wrap(key, wrapAad(owner, version, suite))))
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    private Keyring loadOrCreate(String owner) {
        Keyring ring = load(owner);
        if (ring != null) {
            return ring;
        }
        byte[] key = newKey();
        if (!owner.startsWith("__") && TransactionSynchronizationManager.isActualTransactionActive()) {
            // A new owner's first key goes into the transaction that stores the owner's first values:
            // they commit or roll back together (no second connection, no extra commit). A rolled-back
            // key must not stay cached.
            insert(jdbc, owner, 1, key);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        cache.invalidate(owner);
                    }
                }
            });
            return new Keyring(List.of(new Dek(1, suite, key, clock.instant())));
        }
        try {
            insert(owner, 1, key);
            return new Keyring(List.of(new Dek(1, suite, key, clock.instant())));
        } catch (DuplicateKeyException raced) {
            Arrays.fill(key, (byte) 0);
            return load(owner);
        }
    }

    private Keyring load(String owner) {
        List<Dek> keys = jdbc.sql("""
                select key_version, suite, kek_id, wrapped_key, created_at from data_keys where owner_id = :owner""")
                .param("owner", owner)
                .query((rs, i) -> {
                    int v = rs.getInt(1);
                    CryptoSuite s = CryptoSuite.valueOf(rs.getString(2));
                    byte[] wrapped = Base64.getDecoder().decode(rs.getString(4));
                    return new Dek(v, s, kek.unwrap(rs.getString(3), wrapped, wrapAad(owner, v, s)),
                            rs.getTimestamp(5).toInstant());
                })
                .list();
        return keys.isEmpty() ? null : new Keyring(keys);
    }

    private static byte[] wrapAad(String owner, int version, CryptoSuite suite) {
        return ("kyc/dek|" + owner + "|" + version + "|" + suite.name()).getBytes(StandardCharsets.UTF_8);
    }
}
