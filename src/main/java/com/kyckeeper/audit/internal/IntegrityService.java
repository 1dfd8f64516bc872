package com.kyckeeper.audit.internal;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.AuditIntegrity;
import com.kyckeeper.audit.IntegrityReport;
import com.kyckeeper.audit.Outcome;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.util.List;
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

    private static final String CHAIN = "select s.chain_pos, s.seq as sealed_seq, s.hash, s.event_id as sealed_event_id, "
            + EventRows.COLUMNS + " from access_event_seals s left join access_events e on e.seq = s.seq"
            + " where s.chain_pos <= ? order by s.chain_pos";

    /**
     * Event ids sealed more than once up to the head: a walk of the seals' (event_id, chain_pos)
     * index (V50), not a lookup per event. Each seal's id is checked against its event's in the walk.
     */
    private static final String REPEATED_IDS = "select event_id from access_event_seals where chain_pos <= ?"
            + " and event_id is not null group by event_id having count(*) > 1";
    private static final String POSITIONS_OF = "select chain_pos from access_event_seals where event_id = ?"
            + " and chain_pos <= ? order by chain_pos";
    /** Repeated ids looked at beyond the first: the earliest copy is what the report names. */
    private static final int MAX_REPEATED = 1000;

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
     * verifies up to the head sealed at that moment and logs the check in one transaction: events
     * appended meanwhile wait for the next check, so the check ends however busy the service is.
     */
    @Override
    @PreAuthorize("hasRole('AUDITOR')")
    public IntegrityReport verify() {
        try {
            sealer.seal(true, true);
        } catch (org.springframework.dao.TransientDataAccessException busy) {
            // The scheduled pass holds the sealing lock (a long batch under load): verify what is sealed.
            org.slf4j.LoggerFactory.getLogger(IntegrityService.class).info("Verifying without sealing first ({})",
                    com.kyckeeper.shared.FailureLog.classChain(busy));
        }
        return tx.execute(s -> {
            IntegrityReport report = verifySealed(head());
            accessLog.append(new AccessEvent("AUDIT_VERIFY", null, null, Outcome.SUCCESS,
                    report.status() + " through " + report.verifiedThrough()
                            + (report.intact() ? "" : ", first broken " + report.firstBrokenSeq())));
            return report;
        });
    }

    /** The verification of the whole sealed log, without sealing first or logging (tests). */
    IntegrityReport verifySealed() {
        return verifySealed(head());
    }

    /** The highest chain position sealed now (0 for an empty log). */
    private long head() {
        Long head = jdbc.queryForObject("select max(chain_pos) from access_event_seals", Long.class);
        return head == null ? 0 : head;
    }

    /** Verifies chain positions 1 to {@code head}. */
    IntegrityReport verifySealed(long head) {
        ChainVerifier verifier = new ChainVerifier(keys.suite(), keys.publicKey(), keys.macKey(), checkpoints(head));
        List<String> repeated = jdbc.query(con -> {
            var ps = con.prepareStatement(REPEATED_IDS);
            ps.setLong(1, head);
            ps.setMaxRows(MAX_REPEATED);
            return ps;
        }, (rs, i) -> rs.getString(1));
        for (String id : repeated) {
            List<Long> positions = jdbc.queryForList(POSITIONS_OF, Long.class, id, head);
            positions.stream().skip(1).forEach(verifier::markCopy);
        }
        streamChain(head, (r, sealedEventId) -> {
            if (r.event() != null && !java.util.Objects.equals(sealedEventId, r.event().eventId())) {
                verifier.markForeignSeal(r.pos());
            }
            verifier.accept(r.pos(), r.seq(), r.event(), r.hash());
        });
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
        long head = head();
        // Recorded (and committed) before the first entry leaves: an export cut off midway is still in the log.
        accessLog.appendIndependently(new AccessEvent("AUDIT_LOG_EXPORT", null, null, Outcome.SUCCESS,
                "through chain position " + head));
        LogFile.header(out, keys.suite());
        checkpoints(head).forEach(cp -> LogFile.checkpoint(out, cp));
        long[] n = {0};
        streamChain(head, (row, sealedEventId) -> {
            LogFile.entry(out, row.pos(), row.seq(), row.hash(), row.event());
            n[0]++;
        });
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

    private List<Checkpoint> checkpoints(long head) {
        return jdbc.query("select chain_pos, seq, chain_hash, signed_at, suite, key_id, signature from audit_checkpoints"
                + " where chain_pos <= ? order by chain_pos", (rs, i) -> new Checkpoint(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6),
                rs.getString(7)), head);
    }

    private record Row(long pos, long seq, String hash, EventFields event) {
    }

    private void streamChain(long head, java.util.function.BiConsumer<Row, String> each) {
        jdbc.query(con -> {
            var ps = con.prepareStatement(CHAIN);
            ps.setFetchSize(2000);
            ps.setLong(1, head);
            return ps;
        }, (RowCallbackHandler) rs -> each.accept(new Row(rs.getLong("chain_pos"), rs.getLong("sealed_seq"),
                rs.getString("hash"), EventRows.read(rs)), rs.getString("sealed_event_id")));
    }
}
