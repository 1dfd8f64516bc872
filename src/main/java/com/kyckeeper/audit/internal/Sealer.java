package com.kyckeeper.audit.internal;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains committed events in batches. Appends only insert their row (no lock, no read of the
 * chain head), so requests never queue behind each other; the sealer then takes the single-row
 * lock {@code audit_sealer_lock} (so one node at a time seals, however many run), gives every
 * committed unsealed event the next chain position in seq order with
 * {@code hash = H(previous hash || canonical entry)}, inserts the seals and, when due, a signed
 * checkpoint, all in one transaction. An event whose transaction commits late simply gets a later
 * position; a rolled-back event never existed. Runs every {@code kyc.audit.sealing.interval} and
 * on demand before verification. Each seal row also carries the event's query keys (time, actor,
 * customer) and the auditors' query indexes, so the insert on the request path maintains no index
 * beyond its primary key.
 */
@Component
class Sealer {

    private static final Logger log = LoggerFactory.getLogger(Sealer.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final String INSERT_SEAL = "insert into access_event_seals"
            + " (chain_pos, seq, hash, sealed_at, at, actor, customer_id, event_id) values (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int[] SEAL_TYPES = {Types.BIGINT, Types.BIGINT, Types.VARCHAR,
            Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditProperties.Sealing props;
    private final AuditKeys keys;
    private final Clock clock;

    Sealer(JdbcTemplate jdbc, PlatformTransactionManager tm, AuditProperties props, AuditKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tm);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.props = props.sealing();
        this.keys = keys;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${kyc.audit.sealing.interval}", initialDelayString = "${kyc.audit.sealing.interval}")
    void scheduled() {
        try {
            seal(false, false);
        } catch (DataAccessException | TransactionException e) {
            log.warn("Sealing the access log deferred: {}", com.kyckeeper.shared.FailureLog.classChain(e));
        }
    }

    /**
     * Seals everything committed and not yet sealed.
     *
     * @param fullScan        also look for late commits far below the chain head
     * @param forceCheckpoint sign the new head even if no checkpoint is due
     * @return number of events sealed
     */
    long seal(boolean fullScan, boolean forceCheckpoint) {
        long total = 0;
        int sealed;
        do {
            Integer n = tx.execute(s -> sealBatch(fullScan, forceCheckpoint));
            sealed = n == null ? 0 : n;
            total += sealed;
        } while (sealed >= props.batchSize());
        return total;
    }

    private int sealBatch(boolean fullScan, boolean forceCheckpoint) {
        jdbc.queryForObject("select id from audit_sealer_lock where id = 1 for update", Integer.class);
        List<Object[]> head = jdbc.query(
                "select chain_pos, hash from access_event_seals order by chain_pos desc fetch first 1 rows only",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
        long pos = head.isEmpty() ? 0 : (Long) head.get(0)[0];
        byte[] prev = head.isEmpty() ? new byte[32] : HEX.parseHex((String) head.get(0)[1]);
        Long maxSeq = jdbc.queryForObject("select max(seq) from access_event_seals", Long.class);
        long floor = fullScan || maxSeq == null ? Long.MIN_VALUE : maxSeq - props.lateCommitWindow();
        List<EventFields> pending = jdbc.query("select " + EventRows.COLUMNS + " from access_events e where e.seq > ?"
                        + " and not exists (select 1 from access_event_seals s where s.seq = e.seq)"
                        + " order by e.seq fetch first " + props.batchSize() + " rows only",
                (rs, i) -> EventRows.read(rs), floor);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!pending.isEmpty()) {
            AuditSuite.Hasher hasher = keys.suite().hasher();
            Canonical canonical = new Canonical();
            List<Object[]> seals = new ArrayList<>(pending.size());
            OffsetDateTime sealedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
            for (EventFields e : pending) {
                int n = canonical.entry(e);
                prev = hasher.hash(prev, canonical.buffer(), n);
                seals.add(new Object[] {++pos, e.seq(), HEX.formatHex(prev), sealedAt,
                        OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC), e.actor(), e.customerId(), e.eventId()});
            }
            // One row per event: the seal, the auditors' query keys (V26) and the event id for the copy check (V50).
            jdbc.batchUpdate(INSERT_SEAL, seals, SEAL_TYPES);
        }
        boolean lastBatch = pending.size() < props.batchSize();
        checkpointIfDue(pos, prev, now, forceCheckpoint && lastBatch);
        return pending.size();
    }

    private void checkpointIfDue(long pos, byte[] headHash, Instant now, boolean force) {
        if (pos == 0) {
            return;
        }
        List<Object[]> last = jdbc.query(
                "select chain_pos, signed_at from audit_checkpoints order by chain_pos desc fetch first 1 rows only",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()});
        long lastPos = last.isEmpty() ? 0 : (Long) last.get(0)[0];
        if (pos <= lastPos) {
            return;
        }
        boolean due = force || pos - lastPos >= props.checkpointEvery() || last.isEmpty()
                || !((Instant) last.get(0)[1]).plus(props.checkpointInterval()).isAfter(now);
        if (!due) {
            return;
        }
        long seq = jdbc.queryForObject("select seq from access_event_seals where chain_pos = ?", Long.class, pos);
        byte[] signature = Signatures.sign(keys.suite(), keys.signingKey(),
                Signatures.checkpointMessage(pos, seq, headHash, Canonical.micros(now), keys.suite()));
        jdbc.update("insert into audit_checkpoints (chain_pos, seq, chain_hash, signed_at, suite, key_id, signature)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", pos, seq, HEX.formatHex(headHash),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC), keys.suite().name(), keys.keyId(),
                Base64.getEncoder().encodeToString(signature));
    }
}
