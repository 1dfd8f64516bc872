package com.kyckeeper.audit.internal;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.AuditIntegrity;
import com.kyckeeper.audit.IntegrityReport;
import com.kyckeeper.audit.Outcome;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Verifies and exports the sealed log; every verification and export is itself an access event. */
@Service
class IntegrityService implements AuditIntegrity {

    private static final String CHAIN = "select s.chain_pos, s.seq as sealed_seq, s.hash, " + EventRows.COLUMNS
            + " from access_event_seals s left join access_events e on e.seq = s.seq order by s.chain_pos";

    /** Sealed events whose event id occurs more than once, in chain order (the hot table keeps no unique index). */
    private static final String REPEATED_IDS = "select e.event_id, s.chain_pos from access_event_seals s"
            + " join access_events e on e.seq = s.seq where e.event_id in (select event_id from access_events"
            + " where event_id is not null group by event_id having count(*) > 1) order by s.chain_pos";

    private final JdbcTemplate jdbc;
    private final Sealer sealer;
    private final AuditKeys keys;
    private final AccessLog accessLog;
    private final AuditProperties props;
    private final java.time.Clock clock;
    private final TransactionTemplate tx;

    IntegrityService(JdbcTemplate jdbc, Sealer sealer, AuditKeys keys, AccessLog accessLog, AuditProperties props,
                     java.time.Clock clock, PlatformTransactionManager tm) {
        this.tx = new TransactionTemplate(tm);
        this.props = props;
        this.clock = clock;
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.keys = keys;
        this.accessLog = accessLog;
    }

    /**
     * Seals first, in the sealer's own transactions (so no connection is held meanwhile), then
     * verifies and logs the check in one transaction.
     */
    @Override
    @PreAuthorize("hasRole('AUDITOR')")
    public IntegrityReport verify() {
        sealer.seal(true, true);
        return tx.execute(s -> {
            IntegrityReport report = verifySealed();
            accessLog.append(new AccessEvent("AUDIT_VERIFY", null, null, Outcome.SUCCESS,
                    report.status() + " through " + report.verifiedThrough()
                            + (report.intact() ? "" : ", first broken " + report.firstBrokenSeq())));
            return report;
        });
    }

    /** The verification itself, without sealing first or logging (tests and the sealer's callers). */
    IntegrityReport verifySealed() {
        ChainVerifier verifier = new ChainVerifier(keys.suite(), keys.publicKey(), keys.macKey(), checkpoints());
        java.util.Set<String> seen = new java.util.HashSet<>();
        jdbc.query(REPEATED_IDS, (RowCallbackHandler) rs -> {
            if (!seen.add(rs.getString(1))) {
                verifier.markCopy(rs.getLong(2));
            }
        });
        streamChain(r -> verifier.accept(r.pos(), r.seq(), r.event(), r.hash()));
        return verifier.finish();
    }

    @Override
    @PreAuthorize("hasRole('AUDITOR')")
    public long exportLog(Writer out) {
        sealer.seal(true, true);
        Long entries = tx.execute(s -> export(out));
        return entries == null ? 0 : entries;
    }

    private long export(Writer out) {
        LogFile.header(out, keys.suite());
        checkpoints().forEach(cp -> LogFile.checkpoint(out, cp));
        long[] n = {0};
        streamChain(row -> {
            LogFile.entry(out, row.pos(), row.seq(), row.hash(), row.event());
            n[0]++;
        });
        accessLog.append(new AccessEvent("AUDIT_LOG_EXPORT", null, null, Outcome.SUCCESS, "entries: " + n[0]));
        return n[0];
    }

    @Override
    @PreAuthorize("hasAnyRole('AUDITOR','SECURITY_ADMIN')")
    public String publicKey() {
        return keys.publicKeyText();
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('AUDITOR')")
    public com.kyckeeper.audit.AuditRetention retention() {
        int years = props.retention().years();
        java.time.Instant keepFrom = clock.instant().atZone(java.time.ZoneOffset.UTC).minusYears(years).toInstant();
        // Sealed events through the indexed query keys, plus the not yet sealed ones above the sealed head.
        OffsetDateTime before = OffsetDateTime.ofInstant(keepFrom, java.time.ZoneOffset.UTC);
        Long head = jdbc.queryForObject("select max(seq) from access_event_seals", Long.class);
        long floor = head == null ? Long.MIN_VALUE : head - props.sealing().lateCommitWindow();
        Long sealed = jdbc.queryForObject("select count(*) from access_event_seals where at < ?", Long.class, before);
        Long unsealed = jdbc.queryForObject("select count(*) from access_events e where e.seq > ? and e.at < ?"
                + " and not exists (select 1 from access_event_seals s where s.seq = e.seq)", Long.class, floor, before);
        long past = (sealed == null ? 0 : sealed) + (unsealed == null ? 0 : unsealed);
        return new com.kyckeeper.audit.AuditRetention(years, keepFrom, past);
    }

    @Override
    public void sealNow() {
        sealer.seal(true, true);
    }

    private List<Checkpoint> checkpoints() {
        return jdbc.query("select chain_pos, seq, chain_hash, signed_at, suite, key_id, signature from audit_checkpoints"
                + " order by chain_pos", (rs, i) -> new Checkpoint(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7)));
    }

    private record Row(long pos, long seq, String hash, EventFields event) {
    }

    private void streamChain(Consumer<Row> each) {
        jdbc.query(con -> {
            var ps = con.prepareStatement(CHAIN);
            ps.setFetchSize(2000);
            return ps;
        }, (RowCallbackHandler) rs -> each.accept(new Row(rs.getLong("chain_pos"), rs.getLong("sealed_seq"),
                rs.getString("hash"), EventRows.read(rs))));
    }
}
