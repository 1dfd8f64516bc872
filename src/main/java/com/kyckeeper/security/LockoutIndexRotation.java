package com.kyckeeper.security;

import com.kyckeeper.crypto.BlindIndex;
import com.kyckeeper.crypto.EncryptedRecords;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Index-key rotation for the sign-in lockouts: their rows are keyed by a blind index of the user
 * name, so before the old index key is destroyed every account's row moves to the new key (a
 * locked account stays locked). Names typed that are no account cannot be recomputed; their
 * counters lapse with the old key, which unlocks nobody.
 */
@Component
class LockoutIndexRotation implements EncryptedRecords {

    private final JdbcClient jdbc;
    private final BlindIndex index;

    LockoutIndexRotation(JdbcClient jdbc, BlindIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    @Override
    public Set<String> encryptedColumns() {
        return Set.of();
    }

    @Override
    public int reencrypt(String owner, FieldRewriter rewrite) {
        return 0;
    }

    @Override
    public int reindex(String owner) {
        return 0;
    }

    @Override
    public int reindexUnowned() {
        int n = 0;
        for (String name : jdbc.sql("select username from app_users order by username").query(String.class).list()) {
            List<String> probes = index.probes(LoginLockout.NAME_KIND, LoginLockout.normalise(name));
            String current = probes.getFirst();
            for (String old : probes.subList(1, probes.size())) {
                java.time.OffsetDateTime oldLock = lockedUntil(old);
                if (oldLock == null && !exists(old)) {
                    continue;
                }
                // Both keys have a row (failures counted during the rotation): the later lock wins.
                java.time.OffsetDateTime currentLock = lockedUntil(current);
                if (exists(current) && (oldLock == null || (currentLock != null && !currentLock.isBefore(oldLock)))) {
                    n += jdbc.sql("delete from login_lockouts where name_key = :k").param("k", old).update();
                    continue;
                }
                jdbc.sql("delete from login_lockouts where name_key = :k").param("k", current).update();
                n += jdbc.sql("update login_lockouts set name_key = :cur where name_key = :old")
                        .param("cur", current).param("old", old).update();
            }
        }
        return n;
    }

    private boolean exists(String key) {
        return jdbc.sql("select count(*) from login_lockouts where name_key = :k").param("k", key)
                .query(Long.class).single() > 0;
    }

    private java.time.OffsetDateTime lockedUntil(String key) {
        return jdbc.sql("select locked_until from login_lockouts where name_key = :k").param("k", key)
                .query((rs, i) -> rs.getObject(1, java.time.OffsetDateTime.class)).optional().orElse(null);
    }
}
