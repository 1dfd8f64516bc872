package com.kyckeeper.customer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Archive access requests (table archive_access_requests). Ids and the stated purpose only. */
@Repository
class ArchiveGrants {

    private static final String COLUMNS = "id, customer_id, requested_by, purpose, status, requested_at, decided_by, "
            + "decided_at, valid_until";
    /** What a purged customer's archive access requests keep instead of their purpose text. */
    static final String PURGED_PURPOSE = "[purged]";
    private final JdbcClient jdbc;

    ArchiveGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when {@code username} holds an approved grant for the customer that is still valid at {@code now}. */
    boolean valid(String customerId, String username, Instant now) {
        return jdbc.sql("select count(*) from archive_access_requests where customer_id = ? and requested_by = ?"
                        + " and status = 'APPROVED' and valid_until > ?")
                .params(customerId, username, utc(now)).query(Long.class).single() > 0;
    }

    void insert(String id, String customerId, String requestedBy, String purpose, Instant at) {
        jdbc.sql("insert into archive_access_requests (id, customer_id, requested_by, purpose, status, requested_at)"
                        + " values (?, ?, ?, ?, 'PENDING', ?)")
                .params(id, customerId, requestedBy, purpose, utc(at)).update();
    }

    /** Decides a pending request; false when it was no longer pending (decided concurrently). */
    boolean decide(String id, String status, String decidedBy, Instant at, Instant validUntil) {
        return jdbc.sql("update archive_access_requests set status = ?, decided_by = ?, decided_at = ?, valid_until = ?"
                        + " where id = ? and status = 'PENDING'")
                .params(status, decidedBy, utc(at), validUntil == null ? null : utc(validUntil), id).update() == 1;
    }

    /**
     * After a retention purge the customer's requests stay as the access trail (who asked, who decided,
     * when) but the teller's free-text purpose may describe the customer: it is replaced by
     * {@link #PURGED_PURPOSE}. Joins the purge's transaction; at most 1,000 ids (an IN list).
     */
    int redactPurposes(List<String> customerIds) {
        if (customerIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update archive_access_requests set purpose = :marker where customer_id in (:ids)")
                .param("marker", PURGED_PURPOSE).param("ids", customerIds).update();
    }

    Optional<Row> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from archive_access_requests where id = ?").param(id)
                .query(Row.class).optional();
    }

    List<Row> byStatus(String status, int limit) {
        return jdbc.sql("select " + COLUMNS + " from archive_access_requests where status = ? order by requested_at, id"
                        + " fetch first " + limit + " rows only")
                .param(status).query(Row.class).list();
    }

    List<Row> byRequester(String requestedBy, int limit) {
        return jdbc.sql("select " + COLUMNS + " from archive_access_requests where requested_by = ?"
                        + " order by requested_at desc, id fetch first " + limit + " rows only")
                .param(requestedBy).query(Row.class).list();
    }

    record Row(String id, String customerId, String requestedBy, String purpose, String status,
               OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt, OffsetDateTime validUntil) {
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
