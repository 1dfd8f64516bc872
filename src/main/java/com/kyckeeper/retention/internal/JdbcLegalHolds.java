package com.kyckeeper.retention.internal;

import com.kyckeeper.audit.AccessEvent;
import com.kyckeeper.audit.AccessLog;
import com.kyckeeper.customer.CustomerId;
import com.kyckeeper.customer.CustomerPurge;
import com.kyckeeper.retention.LegalHold;
import com.kyckeeper.retention.LegalHolds;
import com.kyckeeper.security.CurrentActor;
import com.kyckeeper.shared.BusinessClock;
import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.FieldViolation;
import com.kyckeeper.shared.GoneException;
import com.kyckeeper.shared.InvalidFieldException;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.shared.NotFoundException;
import com.kyckeeper.shared.Text;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcLegalHolds implements LegalHolds {

    private final JdbcClient jdbc;
    private final CustomerPurge customers;
    private final AccessLog accessLog;
    private final BusinessClock clock;

    JdbcLegalHolds(JdbcClient jdbc, CustomerPurge customers, AccessLog accessLog, BusinessClock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('COMPLIANCE')")
    public LegalHold place(CustomerId customer, String reason, String caseReference) {
        List<FieldViolation> violations = new ArrayList<>();
        String why = text(violations, "reason", reason, 500);
        String caseRef = text(violations, "caseReference", caseReference, 100);
        if (customer == null) {
            violations.add(0, new FieldViolation("customerId", "is required"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        // The row lock orders this hold against a purge of the same customer running right now.
        if (customers.lock(customer).isEmpty()) {
            throw customers.tombstone(customer).<RuntimeException>map(t -> new GoneException(t.purgeRunId(), t.policy()))
                    .orElseGet(() -> new NotFoundException("Customer"));
        }
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = clock.nowOffset();
        String actor = CurrentActor.get().username();
        jdbc.sql("""
                insert into legal_holds (id, customer_id, reason, case_reference, placed_by, placed_at)
                values (:id, :customer, :reason, :caseRef, :by, :at)""")
                .param("id", id).param("customer", customer.toString()).param("reason", why)
                .param("caseRef", caseRef).param("by", actor).param("at", Timestamp.from(now.toInstant()))
                .update();
        accessLog.append(AccessEvent.success("LEGAL_HOLD_PLACE", customer.toString()).withDetail("hold " + id));
        return find(id);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('COMPLIANCE')")
    public LegalHold release(String holdId) {
        LegalHold hold = jdbc.sql(SELECT + " where id = :id for update").param("id", holdId)
                .query(this::hold).optional().orElseThrow(() -> new NotFoundException("Legal hold"));
        String actor = CurrentActor.get().username();
        if (actor.equals(hold.placedBy())) {
            throw new AccessDeniedException("Four eyes: a legal hold is released by a different compliance officer"
                    + " than the one who placed it");
        }
        if (!hold.active()) {
            throw new ConflictException("The legal hold is already released");
        }
        jdbc.sql("update legal_holds set released_by = :by, released_at = :at where id = :id")
                .param("by", actor).param("at", Timestamp.from(clock.now())).param("id", holdId).update();
        accessLog.append(AccessEvent.success("LEGAL_HOLD_RELEASE", hold.customerId()).withDetail("hold " + holdId));
        return find(holdId);
    }

    @Override
    @Transactional
    @PreAuthorize("hasAnyRole('COMPLIANCE','AUDITOR')")
    public LegalHold get(String holdId) {
        LegalHold hold = jdbc.sql(SELECT + " where id = :id").param("id", holdId).query(this::hold).optional()
                .orElseThrow(() -> new NotFoundException("Legal hold"));
        accessLog.append(AccessEvent.success("LEGAL_HOLD_READ", hold.customerId()).withDetail("hold " + holdId));
        return forReader(hold);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean held(CustomerId customer) {
        return jdbc.sql("select count(*) from legal_holds where customer_id = :id and released_at is null")
                .param("id", customer.toString()).query(Long.class).single() > 0;
    }

    @Override
    @Transactional
    @PreAuthorize("hasAnyRole('COMPLIANCE','AUDITOR')")
    public List<LegalHold> recent(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "must be between 1 and 1000");
        }
        List<LegalHold> holds = jdbc.sql(SELECT + " order by case when released_at is null then 0 else 1 end,"
                        + " placed_at desc, id fetch first " + limit + " rows only")
                .query(this::hold).list();
        accessLog.append(new AccessEvent("LEGAL_HOLD_LIST", null, null, com.kyckeeper.audit.Outcome.SUCCESS,
                "results: " + holds.size()));
        return holds.stream().map(JdbcLegalHolds::forReader).toList();
    }

    /** Those of the customers (at most 1,000) with an active hold, in the caller's transaction. */
    Set<CustomerId> heldAmong(Collection<CustomerId> customers) {
        if (customers.isEmpty()) {
            return Set.of();
        }
        Set<CustomerId> held = new HashSet<>();
        jdbc.sql("select distinct customer_id from legal_holds where customer_id in (:ids) and released_at is null")
                .param("ids", customers.stream().map(CustomerId::toString).toList())
                .query(rs -> {
                    held.add(new CustomerId(UUID.fromString(rs.getString(1))));
                });
        return held;
    }

    private LegalHold find(String id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::hold).single();
    }

    private static final String SELECT = """
            select id, customer_id, reason, case_reference, placed_by, placed_at, released_by, released_at
            from legal_holds""";

    /** Auditors check that holds are placed and released properly: ids, people and dates, not the free text. */
    private static LegalHold forReader(LegalHold h) {
        if (CurrentActor.get().has("COMPLIANCE")) {
            return h;
        }
        return new LegalHold(h.id(), h.customerId(), null, null, h.placedBy(), h.placedAt(), h.releasedBy(), h.releasedAt());
    }

    /**
     * In the purge's batch transaction: the holds of purged customers stay as the trail (who placed and
     * released them, when) but their reasons, free text that may name the person, go.
     */
    void redactReasons(Collection<CustomerId> customers) {
        if (customers.isEmpty()) {
            return;
        }
        jdbc.sql("update legal_holds set reason = :redacted where customer_id in (:ids)").param("redacted", REDACTED)
                .param("ids", customers.stream().map(CustomerId::toString).toList()).update();
    }

    static final String REDACTED = "[purged]";

    private LegalHold hold(ResultSet rs, int row) throws SQLException {
        return new LegalHold(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                at(rs.getTimestamp(6)), rs.getString(7), at(rs.getTimestamp(8)));
    }

    private OffsetDateTime at(Timestamp t) {
        return t == null ? null : OffsetDateTime.ofInstant(t.toInstant(), clock.zone());
    }

    private static String text(List<FieldViolation> violations, String field, String value, int max) {
        try {
            return Text.required(value, max);
        } catch (InvalidFieldException e) {
            violations.add(new FieldViolation(field, e.getMessage()));
            return null;
        }
    }
}
