package com.kyckeeper.crypto.internal;

import com.kyckeeper.crypto.DecryptionFailedException;
import com.kyckeeper.crypto.EncryptedRecords;
import com.kyckeeper.crypto.FieldCipher;
import com.kyckeeper.crypto.KeyRotation;
import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.FailureLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs rotations on one background thread, batch by batch, each batch in its own transaction and
 * its progress (cursor, counts) committed with it, so a restart resumes where it stopped. Owners
 * are visited in id order from the data_keys table; the modules' {@link EncryptedRecords} do the
 * row work. Reads and writes go on meanwhile: every key version stays readable until the rotation
 * is done, and blind-index lookups probe both index keys.
 */
class KeyRotations implements KeyRotation, ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KeyRotations.class);
    static final String ADMIN = "hasRole('SECURITY_ADMIN')";

    private final JdbcClient jdbc;
    private final DataKeys keys;
    private final FieldCipher cipher;
    private final List<EncryptedRecords> records;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final CryptoProperties.Rotation settings;
    /** When this worker first found a rotation waiting to retire old keys ({@link System#nanoTime()}). */
    private final java.util.Map<String, Long> retireWaitStarted = new java.util.concurrent.ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "key-rotation");
        t.setDaemon(true);
        return t;
    });

    KeyRotations(JdbcClient jdbc, DataKeys keys, FieldCipher cipher, List<EncryptedRecords> records, Clock clock,
                 PlatformTransactionManager tm, CryptoProperties.Rotation settings) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.cipher = cipher;
        this.records = records;
        this.clock = clock;
        this.tx = new TransactionTemplate(tm);
        this.settings = settings;
    }

    @Override
    @PreAuthorize(ADMIN)
    public synchronized Status start(Kind kind, String requestedBy) {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (jdbc.sql("select count(*) from key_rotations where state = 'RUNNING'").query(Long.class).single() > 0) {
            throw new ConflictException("kind", "A key rotation is already running");
        }
        String id = UUID.randomUUID().toString();
        Integer target = switch (kind) {
            case KEK -> {
                String kekId = keys.rotateKek();
                log.info("Key rotation {}: new master key {} is current; re-wrapping data keys", id, kekId);
                yield null;
            }
            case INDEX -> keys.rotate(HmacBlindIndex.INDEX_KEY_OWNER, null);
            case DEK -> null;
        };
        Instant now = clock.instant();
        jdbc.sql("""
                insert into key_rotations (id, kind, state, processed, failures, cursor_owner, target_version,
                    started_at, started_by, updated_at)
                values (:id, :kind, 'RUNNING', 0, 0, null, :target, :at, :by, :at)""")
                .param("id", id).param("kind", kind.name()).param("target", target)
                .param("at", Timestamp.from(now)).param("by", requestedBy == null ? "system" : requestedBy)
                .update();
        log.info("Key rotation {} ({}) started by {}", id, kind, requestedBy);
        worker.submit(() -> run(id));
        return read(id).orElseThrow();
    }

    @Override
    @PreAuthorize(ADMIN)
    public Optional<Status> status(String id) {
        return read(id);
    }

    private Optional<Status> read(String id) {
        return jdbc.sql("select * from key_rotations where id = :id").param("id", id).query(this::map).optional();
    }

    @Override
    @PreAuthorize(ADMIN)
    public List<Status> recent(int limit) {
        return recent(0, limit);
    }

    @Override
    @PreAuthorize(ADMIN)
    public List<Status> recent(int page, int size) {
        // Paged in SQL and read as a list: a JdbcClient stream holds its connection until closed.
        long offset = (long) Math.max(0, page) * Math.max(1, size);
        return jdbc.sql("select * from key_rotations order by started_at desc, id offset " + offset
                        + " rows fetch next " + Math.max(1, size) + " rows only")
                .query(this::map).list();
    }

    /** Resumes rotations that were running when the service stopped. */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        for (String id : jdbc.sql("select id from key_rotations where state = 'RUNNING'").query(String.class).list()) {
            log.info("Resuming key rotation {}", id);
            worker.submit(() -> run(id));
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    private record Row(String id, Kind kind, String cursor, Integer target, Instant startedAt, Instant retiringFrom) {
    }

    private void run(String id) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Row row = jdbc.sql("select id, kind, cursor_owner, target_version, started_at, state, retiring_from"
                                + " from key_rotations where id = :id")
                        .param("id", id)
                        .query((rs, i) -> "RUNNING".equals(rs.getString(6)) ? new Row(rs.getString(1),
                                Kind.valueOf(rs.getString(2)), rs.getString(3), (Integer) rs.getObject(4, Integer.class),
                                rs.getTimestamp(5).toInstant(), instant(rs.getTimestamp(7))) : null)
                        .optional().orElse(null);
                if (row == null || !batch(row)) {
                    return;
                }
                if (settings.pauseMillis() > 0) {
                    Thread.sleep(settings.pauseMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Key rotation {} failed ({}); it can be started again", id, FailureLog.classChain(e));
            jdbc.sql("update key_rotations set state = 'FAILED', error = :error, finished_at = :at, updated_at = :at where id = :id")
                    .param("error", e.getClass().getSimpleName()).param("at", Timestamp.from(clock.instant()))
                    .param("id", id).update();
        }
    }

    /** One batch; false when the rotation is complete. */
    private boolean batch(Row row) throws InterruptedException {
        int size = settings.batchSize();
        if (row.kind() == Kind.KEK) {
            Integer n = tx.execute(s -> keys.rewrapBatch(size));
            if (n == null || n == 0) {
                complete(row.id());
                return false;
            }
            progress(row.id(), null, n, 0);
            return true;
        }
        if (row.kind() == Kind.DEK && row.retiringFrom() != null) {
            return retire(row, size);
        }
        List<String> owners = keys.owners(row.cursor(), size);
        if (owners.isEmpty() && row.kind() == Kind.DEK) {
            Instant from = clock.instant().plus(settings.retireAfter());
            jdbc.sql("update key_rotations set retiring_from = :from, cursor_owner = null, updated_at = :at where id = :id")
                    .param("from", Timestamp.from(from)).param("at", Timestamp.from(clock.instant()))
                    .param("id", row.id()).update();
            log.info("Key rotation {}: every owner re-encrypted; old data key versions are retired from {}", row.id(), from);
            return true;
        }
        if (owners.isEmpty()) {
            if (row.kind() == Kind.INDEX && row.target() != null) {
                Integer rekeyed = tx.execute(s -> records.stream().mapToInt(EncryptedRecords::reindexUnowned).sum());
                log.info("Key rotation {}: {} index value(s) without an owner re-keyed", row.id(), rekeyed);
                int retired = keys.retireBelow(HmacBlindIndex.INDEX_KEY_OWNER, row.target());
                log.info("Key rotation {}: {} old index key version(s) destroyed", row.id(), retired);
            }
            complete(row.id());
            return false;
        }
        int failures = 0;
        for (String owner : owners) {
            try {
                tx.executeWithoutResult(s -> {
                    if (row.kind() == Kind.DEK) {
                        keys.rotate(owner, row.startedAt());
                        EncryptedRecords.FieldRewriter rewrite = (field, ct) ->
                                cipher.encrypt(owner, field, cipher.decrypt(owner, field, ct));
                        records.forEach(r -> r.reencrypt(owner, rewrite));
                    } else {
                        records.forEach(r -> r.reindex(owner));
                    }
                });
            } catch (DecryptionFailedException e) {
                failures++;
                log.warn("Key rotation {}: owner {} left on its old key, its values do not decrypt", row.id(), owner);
            }
        }
        progress(row.id(), owners.getLast(), owners.size(), failures);
        return true;
    }

    /**
     * Second pass of a DEK rotation: what was encrypted under an old version meanwhile (a write that
     * read its key before the owner's rotation, another node's cached key) moves to the current one,
     * then the older versions are destroyed. Waits for {@code retiringFrom} first.
     */
    private boolean retire(Row row, int size) throws InterruptedException {
        // Whichever ends first: the stored time on the service clock, or the same grace measured on
        // this worker (a clock that stands still, as in tests, must not stop the rotation).
        long seen = retireWaitStarted.computeIfAbsent(row.id(), k -> System.nanoTime());
        long waited = (System.nanoTime() - seen) / 1_000_000;
        long wait = Math.min(java.time.Duration.between(clock.instant(), row.retiringFrom()).toMillis(),
                settings.retireAfter().toMillis() - waited);
        if (wait > 0) {
            Thread.sleep(Math.min(wait, 1000));
            return true;
        }
        List<String> owners = keys.owners(row.cursor(), size);
        if (owners.isEmpty()) {
            retireWaitStarted.remove(row.id());
            complete(row.id());
            return false;
        }
        int failures = 0;
        for (String owner : owners) {
            try {
                tx.executeWithoutResult(s -> {
                    int current = keys.current(owner).version();
                    EncryptedRecords.FieldRewriter rewrite = (field, ct) -> AeadFieldCipher.keyVersion(ct) == current
                            ? ct : cipher.encrypt(owner, field, cipher.decrypt(owner, field, ct));
                    records.forEach(r -> r.reencrypt(owner, rewrite));
                    keys.retireBelow(owner, current);
                });
            } catch (DecryptionFailedException e) {
                failures++;
                log.warn("Key rotation {}: owner {} keeps its old key versions, its values do not decrypt", row.id(), owner);
            }
        }
        progress(row.id(), owners.getLast(), 0, failures);
        return true;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private void progress(String id, String cursor, int processed, int failures) {
        jdbc.sql("""
                update key_rotations set processed = processed + :n, failures = failures + :f,
                    cursor_owner = coalesce(:cursor, cursor_owner), updated_at = :at where id = :id""")
                .param("n", processed).param("f", failures).param("cursor", cursor)
                .param("at", Timestamp.from(clock.instant())).param("id", id).update();
    }

    private void complete(String id) {
        jdbc.sql("update key_rotations set state = 'COMPLETED', finished_at = :at, updated_at = :at where id = :id")
                .param("at", Timestamp.from(clock.instant())).param("id", id).update();
        log.info("Key rotation {} completed", id);
    }

    private Status map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Status(rs.getString("id"), Kind.valueOf(rs.getString("kind")), State.valueOf(rs.getString("state")),
                rs.getLong("processed"), rs.getLong("failures"), rs.getTimestamp("started_at").toInstant(),
                rs.getString("started_by"), finished == null ? null : finished.toInstant(), rs.getString("error"));
    }
}
