package com.kyckeeper.audit.internal;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.AccessQuery;
import com.kyckeeper.audit.AccessRecord;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.shared.TimeOrderedIds;
import com.kyckeeper.shared.BusinessClock;
import java.io.Writer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes access events as plain inserts (no lock, no chain read: the {@link Sealer} chains them
 * later) with a random event id and the service's MAC over the content, and answers auditors'
 * queries. There is deliberately no update or delete statement anywhere in this module.
 */
@Component
class JdbcAccessLog implements AccessLog {

    private static final List<String> ROLE_ORDER =
            List.of("SECURITY_ADMIN", "AUDITOR", "COMPLIANCE", "SUPERVISOR", "TELLER");
    private static final String[] ROLE_AUTHORITIES =
            ROLE_ORDER.stream().map(r -> "ROLE_" + r).toArray(String[]::new);
    private static final HexFormat HEX = HexFormat.of();
    private static final String INSERT = "insert into access_events (at, actor, actor_role, action, customer_id,"
            + " purpose, outcome, client_address, request_id, detail, event_id, mac) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final BusinessClock clock;
    private final AuditKeys keys;
    private final AuditProperties props;
    private final ThreadLocal<Canonical> canonical = ThreadLocal.withInitial(Canonical::new);
    private final ThreadLocal<AuditSuite.Hasher> mac;

    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

    JdbcAccessLog(JdbcClient jdbc, JdbcTemplate template, BusinessClock clock, AuditKeys keys, AuditProperties props,
                  org.springframework.transaction.PlatformTransactionManager tm) {
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(tm);
        this.ownTransaction.setPropagationBehavior(Propagation.REQUIRES_NEW.value());
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
        this.keys = keys;
        this.props = props;
        this.mac = ThreadLocal.withInitial(() -> keys.suite().mac(keys.macKey()));
    }

    /**
     * Propagation MANDATORY, checked by hand: this runs on every audited read, and a transactional
     * proxy's interceptor per call costs more than the check.
     */
    @Override
    public void append(AccessEvent event) {
        requireTransaction();
        insert(event);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void appendIndependently(AccessEvent event) {
        insert(event);
    }

    @Override
    public void appendAll(List<AccessEvent> events) {
        requireTransaction();
        if (events.isEmpty()) {
            return;
        }
        List<EventFields> rows = new ArrayList<>(events.size());
        for (AccessEvent event : events) {
            rows.add(row(event));
        }
        template.batchUpdate(INSERT, rows, rows.size(), JdbcAccessLog::bind);
    }

    /** No event, no operation: an event outside the operation's transaction could outlive its rollback. */
    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("an access event must be written in its operation's transaction");
        }
    }

    /**
     * The hot path: every audited operation runs it in its own transaction. One positional INSERT
     * with typed setters (no per-parameter type detection), the MAC over a reused thread-local
     * buffer, no lock, no read, no generated-key fetch.
     */
    private void insert(AccessEvent event) {
        EventFields e = row(event);
        template.update(con -> {
            PreparedStatement ps = con.prepareStatement(INSERT);
            bind(ps, e);
            return ps;
        });
    }

    /** The row to insert: the event with actor, role, time, request data, a fresh id and its MAC. */
    private EventFields row(AccessEvent event) {
        RequestMetadata meta = RequestMetadata.current();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean known = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        Instant at = clock.now().truncatedTo(ChronoUnit.MICROS);
        EventFields e = new EventFields(0, at, truncate(known ? auth.getName() : "anonymous", 64),
                known ? primaryRole(auth) : "NONE", truncate(event.action(), 64), truncate(event.customerId(), 36),
                truncate(event.purpose(), 200), event.outcome().name(), truncate(meta.clientAddress(), 64),
                truncate(meta.requestId(), 64), truncate(event.detail(), 200), eventId(), null);
        Canonical c = canonical.get();
        int n = c.content(e);
        String macHex = HEX.formatHex(mac.get().hash(null, c.buffer(), n));
        return new EventFields(0, at, e.actor(), e.role(), e.action(), e.customerId(), e.purpose(), e.outcome(),
                e.clientAddress(), e.requestId(), e.detail(), e.eventId(), macHex);
    }

    private static void bind(PreparedStatement ps, EventFields e) throws SQLException {
        ps.setObject(1, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
        ps.setString(2, e.actor());
        ps.setString(3, e.role());
        ps.setString(4, e.action());
        setNullable(ps, 5, e.customerId());
        setNullable(ps, 6, e.purpose());
        ps.setString(7, e.outcome());
        setNullable(ps, 8, e.clientAddress());
        setNullable(ps, 9, e.requestId());
        setNullable(ps, 10, e.detail());
        ps.setString(11, e.eventId());
        ps.setString(12, e.mac());
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('AUDITOR')")
    public AccessPage query(AccessQuery q) {
        Where w = where(q);
        long total = jdbc.sql("select count(*) from " + w.source).params(w.params).query(Long.class).single();
        List<AccessRecord> events = jdbc.sql("select " + EventRows.COLUMNS + " from " + w.source
                        + " order by e.seq desc offset " + ((long) q.page() * q.size()) + " rows fetch next " + q.size()
                        + " rows only")
                .params(w.params).query((rs, i) -> view(EventRows.read(rs))).list();
        append(new AccessEvent("AUDIT_QUERY", q.customerId(), null, Outcome.SUCCESS, "results: " + events.size()
                + " of " + total));
        return new AccessPage(events, q.page(), q.size(), total);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('AUDITOR')")
    public int exportCsv(AccessQuery q, Writer out) {
        Where w = where(q);
        // Recorded (and committed) before the first row leaves: an export cut off midway is still in the log.
        AccessEvent started = new AccessEvent("AUDIT_EXPORT", q.customerId(), null, Outcome.SUCCESS,
                "rows: up to " + props.maxExportRows());
        Long head = template.queryForObject("select max(seq) from access_events", Long.class);
        long through = head == null ? 0 : head;
        ownTransaction.executeWithoutResult(s -> insert(started));
        Csv.row(out, "seq", "at", "actor", "role", "action", "customerId", "purpose", "outcome", "clientAddress");
        int[] rows = {0};
        var named = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(template);
        named.query("select " + EventRows.COLUMNS + " from " + w.source + " order by e.seq desc fetch first "
                + props.maxExportRows() + " rows only", w.params, (RowCallbackHandler) rs -> {
                    if (rs.getLong("seq") > through) {
                        return; // appended since the export began, its own record among them
                    }
                    AccessRecord r = view(EventRows.read(rs));
                    Csv.row(out, r.seq(), r.at().toString(), Csv.safeForSpreadsheet(r.actor()), r.role(),
                            Csv.safeForSpreadsheet(r.action()), r.customerId(), Csv.safeForSpreadsheet(r.purpose()),
                            r.outcome().name(), Csv.safeForSpreadsheet(r.clientAddress()));
                    rows[0]++;
                });
        return rows[0];
    }

    private AccessRecord view(EventFields e) {
        Outcome outcome;
        try {
            outcome = Outcome.valueOf(e.outcome());
        } catch (IllegalArgumentException | NullPointerException unknown) {
            outcome = Outcome.FAILED;
        }
        return new AccessRecord(e.seq(), OffsetDateTime.ofInstant(e.at(), clock.zone()), e.actor(), e.role(),
                e.action(), e.customerId(), e.purpose(), outcome, e.clientAddress());
    }

    /** The rows to select from, as {@code <table or derived table> e}, and their parameters. */
    private record Where(String source, Map<String, Object> params) {
    }

    /**
     * The matching events. The hot table {@code access_events} has no index but its keys, so a query
     * by customer, actor or time goes through the seals (they carry those keys and their indexes) for
     * sealed events, plus a range scan of the not yet sealed events above the sealed head (the same
     * window the sealer looks at). Both branches filter on the events' own columns; they are
     * disjoint (sealed / unsealed), so the union has every match once.
     */
    private Where where(AccessQuery q) {
        List<String> clauses = new ArrayList<>();
        List<String> keyClauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.customerId() != null) {
            clauses.add("e.customer_id = :customerId");
            keyClauses.add("k.customer_id = :customerId");
            params.put("customerId", q.customerId());
        }
        if (q.actor() != null) {
            clauses.add("e.actor = :actor");
            keyClauses.add("k.actor = :actor");
            params.put("actor", q.actor());
        }
        if (q.action() != null) {
            clauses.add("e.action = :action");
            params.put("action", q.action());
        }
        if (q.outcome() != null) {
            clauses.add("e.outcome = :outcome");
            params.put("outcome", q.outcome().name());
        }
        if (q.from() != null) {
            clauses.add("e.at >= :from");
            keyClauses.add("k.at >= :from");
            params.put("from", OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            clauses.add("e.at < :to");
            keyClauses.add("k.at < :to");
            params.put("to", OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        String filter = String.join(" and ", clauses);
        if (keyClauses.isEmpty()) {
            return new Where("access_events e" + (filter.isEmpty() ? "" : " where " + filter), params);
        }
        Long sealedHead = jdbc.sql("select max(seq) from access_event_seals").query(Long.class).optional().orElse(null);
        params.put("unsealedFloor", sealedHead == null ? Long.MIN_VALUE : sealedHead - props.sealing().lateCommitWindow());
        String sealed = "select " + EventRows.COLUMNS + " from access_event_seals k join access_events e on e.seq = k.seq"
                + " where " + String.join(" and ", keyClauses) + " and " + filter;
        String unsealed = "select " + EventRows.COLUMNS + " from access_events e where e.seq > :unsealedFloor and " + filter
                + " and not exists (select 1 from access_event_seals s where s.seq = e.seq)";
        return new Where("(" + sealed + " union all " + unsealed + ") e", params);
    }

    /** A unique row id (not a secret: the MAC key protects it), time-ordered so its unique index grows at one end. */
    static String eventId() {
        return TimeOrderedIds.unique();
    }

    /** The most privileged role of the user (ROLE_ORDER), without streams: it runs on every access. */
    static String primaryRole(Authentication auth) {
        int best = ROLE_AUTHORITIES.length;
        for (GrantedAuthority a : auth.getAuthorities()) {
            String name = a.getAuthority();
            for (int i = 0; i < best; i++) {
                if (ROLE_AUTHORITIES[i].equals(name)) {
                    best = i;
                    break;
                }
            }
        }
        return best < ROLE_AUTHORITIES.length ? ROLE_ORDER.get(best) : "NONE";
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
