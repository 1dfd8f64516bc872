package com.kyckeeper.audit.internal;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.audit.AccessQuery;
import com.kyckeeper.audit.AccessRecord;
import com.kyckeeper.audit.Outcome;
import com.kyckeeper.shared.BusinessClock;
import java.io.Writer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes access events as plain inserts (no lock, no chain read: the {@link Sealer} chains them
 * later) with a random event id and the service's MAC over the content, and answers auditors'
 * queries. There is deliberately no update or delete statement anywhere in this module.
 */
@Component
class JdbcAccessLog implements AccessLog {

    private static final List<String> ROLE_ORDER =
            List.of("SECURITY_ADMIN", "AUDITOR", "COMPLIANCE", "SUPERVISOR", "TELLER");
    private static final HexFormat HEX = HexFormat.of();
    private static final String INSERT = "insert into access_events (at, actor, actor_role, action, customer_id,"
            + " purpose, outcome, client_address, request_id, detail, event_id, mac) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Explicit types, so that null columns need no parameter metadata round trip in a batch. */
    private static final int[] INSERT_TYPES = {java.sql.Types.TIMESTAMP_WITH_TIMEZONE, java.sql.Types.VARCHAR,
            java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
            java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
            java.sql.Types.VARCHAR, java.sql.Types.VARCHAR};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final BusinessClock clock;
    private final AuditKeys keys;
    private final AuditProperties props;
    private final ThreadLocal<Canonical> canonical = ThreadLocal.withInitial(Canonical::new);
    private final ThreadLocal<AuditSuite.Hasher> mac;

    JdbcAccessLog(JdbcClient jdbc, JdbcTemplate template, BusinessClock clock, AuditKeys keys, AuditProperties props) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
        this.keys = keys;
        this.props = props;
        this.mac = ThreadLocal.withInitial(() -> keys.suite().mac(keys.macKey()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(AccessEvent event) {
        insert(event);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void appendIndependently(AccessEvent event) {
        insert(event);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<AccessEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(events.size());
        for (AccessEvent event : events) {
            rows.add(row(event));
        }
        template.batchUpdate(INSERT, rows, INSERT_TYPES);
    }

    private void insert(AccessEvent event) {
        template.update(INSERT, row(event));
    }

    /** The insert's parameters: the event with actor, role, time, request data, a fresh id and its MAC. */
    private Object[] row(AccessEvent event) {
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
        return new Object[] {OffsetDateTime.ofInstant(at, ZoneOffset.UTC), e.actor(), e.role(), e.action(),
                e.customerId(), e.purpose(), e.outcome(), e.clientAddress(), e.requestId(), e.detail(), e.eventId(), macHex};
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('AUDITOR')")
    public AccessPage query(AccessQuery q) {
        Where w = where(q);
        long total = jdbc.sql("select count(*) from access_events e" + w.sql).params(w.params).query(Long.class).single();
        List<AccessRecord> events = jdbc.sql("select " + EventRows.COLUMNS + " from access_events e" + w.sql
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
        Csv.row(out, "seq", "at", "actor", "role", "action", "customerId", "purpose", "outcome", "clientAddress");
        int[] rows = {0};
        var named = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(template);
        named.query("select " + EventRows.COLUMNS + " from access_events e" + w.sql + " order by e.seq desc fetch first "
                + props.maxExportRows() + " rows only", w.params, (RowCallbackHandler) rs -> {
                    AccessRecord r = view(EventRows.read(rs));
                    Csv.row(out, r.seq(), r.at().toString(), Csv.safeForSpreadsheet(r.actor()), r.role(),
                            Csv.safeForSpreadsheet(r.action()), r.customerId(), Csv.safeForSpreadsheet(r.purpose()),
                            r.outcome().name(), Csv.safeForSpreadsheet(r.clientAddress()));
                    rows[0]++;
                });
        append(new AccessEvent("AUDIT_EXPORT", q.customerId(), null, Outcome.SUCCESS, "rows: " + rows[0]));
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

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(AccessQuery q) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.customerId() != null) {
            clauses.add("e.customer_id = :customerId");
            params.put("customerId", q.customerId());
        }
        if (q.actor() != null) {
            clauses.add("e.actor = :actor");
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
            params.put("from", OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            clauses.add("e.at < :to");
            params.put("to", OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), params);
    }

    /** A unique id for the row (not a secret: the MAC key protects it), without SecureRandom's lock. */
    private static String eventId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                .toString();
    }

    private static String primaryRole(Authentication auth) {
        Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
        return ROLE_ORDER.stream().filter(roles::contains).findFirst().orElse("NONE");
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
